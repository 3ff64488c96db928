/// Applies `migrations/NNNN_name.sql` files in version order.
///
/// - Each file runs in its own transaction together with its `schema_migrations` row, so a
///   failing file leaves neither schema changes nor a record behind. Files may hold several
///   statements; they must not contain their own BEGIN/COMMIT or statements that cannot run in
///   a transaction (CREATE INDEX CONCURRENTLY).
/// - Runs are serialized across processes by a session-level `pg_advisory_lock` held on a
///   dedicated connection (outside the pool), released afterwards — or by the server when that
///   connection dies with the process.
/// - Checksums are SHA-256 of the file's bytes, computed by the server
///   (`encode(sha256($1::bytea), 'hex')`), so this module needs no crypto library. An applied
///   file whose checksum changed stops the run before anything is applied.
public struct MigrationRunner {
    /// Advisory lock key shared by every invoice-master process ("im-migr" in ASCII).
    public static let defaultLockKey = 0x696D_2D6D_6967_72

    public let pool: PostgresPool
    public let directory: String
    public let lockKey: Int

    public init(pool: PostgresPool, directory: String, lockKey: Int = MigrationRunner.defaultLockKey) {
        self.pool = pool
        self.directory = directory
        self.lockKey = lockKey
    }

    /// Applies pending migrations; returns the versions applied by this call, in order.
    @discardableResult
    public func migrate() throws -> [String] {
        let files = try MigrationFile.load(directory: directory)
        let connection = try PostgresConnection.connect(pool.configuration)
        try connection.query("SELECT pg_advisory_lock($1)", [.int(lockKey)])
        defer { _ = try? connection.query("SELECT pg_advisory_unlock($1)", [.int(lockKey)]) }

        try connection.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version text PRIMARY KEY,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        var recorded: [String: String] = [:]
        for row in try connection.query("SELECT version, checksum FROM schema_migrations") {
            recorded[try row.string("version")] = try row.string("checksum")
        }

        var pending: [(file: MigrationFile, checksum: String)] = []
        for file in files {
            let checksum = try Self.checksum(of: file, on: connection)
            if let recordedChecksum = recorded[file.version] {
                guard recordedChecksum == checksum else {
                    throw MigrationError.checksumMismatch(version: file.version, file: file.fileName)
                }
            } else {
                pending.append((file, checksum))
            }
        }

        var applied: [String] = []
        for (file, checksum) in pending {
            do {
                try connection.withTransaction { transaction in
                    try transaction.execute(file.sql)
                    try transaction.query("INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)",
                                          [.text(file.version), .text(checksum)])
                }
            } catch let error as PostgresError where error.isUnavailable {
                throw error
            } catch {
                throw MigrationError.migrationFailed(version: file.version, file: file.fileName, underlying: error)
            }
            applied.append(file.version)
        }
        return applied
    }

    private static func checksum(of file: MigrationFile, on connection: PostgresConnection) throws -> String {
        let result = try connection.query("SELECT encode(sha256($1), 'hex') AS checksum", [.bytea(file.bytes)])
        return try result[0].string("checksum")
    }
}
