/// Why `MigrationRunner.migrate()` refused or stopped.
public enum MigrationError: Error, CustomStringConvertible {
    /// An applied migration's file no longer matches the checksum recorded when it ran.
    case checksumMismatch(version: String, file: String)
    case invalidFileName(String)
    case duplicateVersion(String, String)
    case unreadable(file: String, reason: String)
    /// The file's SQL failed; its transaction was rolled back and nothing of it was recorded.
    case migrationFailed(version: String, file: String, underlying: Error)

    public var description: String {
        switch self {
        case .checksumMismatch(let version, let file):
            return "migration \(version) (\(file)) was changed after it was applied: its SHA-256 no longer "
                + "matches schema_migrations. Restore the original file and put the change in a new migration."
        case .invalidFileName(let name):
            return "migration file \(name) is not named NNNN_name.sql (digits, underscore, letters/digits/_/-)"
        case .duplicateVersion(let first, let second):
            return "migration files \(first) and \(second) share a version number"
        case .unreadable(let file, let reason):
            return "cannot read migration \(file): \(reason)"
        case .migrationFailed(let version, let file, let underlying):
            return "migration \(version) (\(file)) failed and was rolled back: \(underlying)"
        }
    }
}
