import Foundation

/// One `migrations/NNNN_name.sql` file. The version is the number prefix as written ("0001").
public struct MigrationFile: Sendable {
    public let version: String
    public let fileName: String
    public let path: String
    /// The file's exact bytes; the checksum covers these.
    public let bytes: [UInt8]
    public let sql: String

    /// All migrations in `directory`, in version order. Any `.sql` file that does not follow the
    /// naming scheme, and any version used twice, is an error rather than silently skipped.
    public static func load(directory: String) throws -> [MigrationFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw MigrationError.unreadable(file: directory, reason: error.localizedDescription)
        }
        var files: [MigrationFile] = []
        for name in names where name.hasSuffix(".sql") {
            guard let version = version(ofFileName: name) else {
                throw MigrationError.invalidFileName(name)
            }
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw MigrationError.unreadable(file: name, reason: "cannot read \(path)")
            }
            guard let sql = String(data: data, encoding: .utf8), !sql.utf8.contains(0) else {
                throw MigrationError.unreadable(file: name, reason: "not valid UTF-8 text")
            }
            files.append(MigrationFile(version: version, fileName: name, path: path, bytes: Array(data), sql: sql))
        }
        files.sort { ($0.number, $0.version) < ($1.number, $1.version) }
        for (previous, next) in zip(files, files.dropFirst()) where previous.number == next.number {
            throw MigrationError.duplicateVersion(previous.fileName, next.fileName)
        }
        return files
    }

    /// "0001_create_documents.sql" → "0001"; nil when the name is not digits, `_`, a name, `.sql`.
    static func version(ofFileName name: String) -> String? {
        let stem = name.dropLast(".sql".count)
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let digits = stem[..<underscore]
        let label = stem[stem.index(after: underscore)...]
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
              !label.isEmpty,
              label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        else { return nil }
        return String(digits)
    }

    private var number: Int { Int(version) ?? Int.max }
}
