import Postgres
import XCTest

final class MigrationRunnerTests: XCTestCase {
    private var schema: IsolatedSchema!
    private var pool: PostgresPool!
    private var directory: String!

    override func setUpWithError() throws {
        schema = try IsolatedSchema()
        pool = PostgresPool(configuration: TestDatabase.configuration(schema.connectionString, max: 2))
        directory = NSTemporaryDirectory() + "migrations-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        pool?.close()
        schema?.drop()
        if let directory { try? FileManager.default.removeItem(atPath: directory) }
    }

    private func write(_ name: String, _ sql: String) throws {
        try sql.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }

    private func runner() -> MigrationRunner { MigrationRunner(pool: pool, directory: directory) }

    private func recordedVersions() throws -> [String] {
        try pool.withConnection { connection in
            try connection.query("SELECT version FROM schema_migrations ORDER BY version").map { try $0.string("version") }
        }
    }

    func testAppliesInOrderOnceAndPicksUpNewFiles() throws {
        // 0002 depends on 0001's table and 0010 on 0002's column: order is numeric, not listing order.
        try write("0010_backfill.sql", "UPDATE documents SET status = 'done';")
        try write("0001_create.sql", """
            CREATE TABLE documents (id serial PRIMARY KEY, name text NOT NULL);
            INSERT INTO documents (name) VALUES ('first'), ('second');
            """)
        try write("0002_add_status.sql", "ALTER TABLE documents ADD COLUMN status text NOT NULL DEFAULT 'new';")
        try write("README.md", "not a migration")

        XCTAssertEqual(try runner().migrate(), ["0001", "0002", "0010"])
        XCTAssertEqual(try runner().migrate(), [], "a second run applies nothing")
        try write("0011_more.sql", "INSERT INTO documents (name, status) VALUES ('third', 'new');")
        XCTAssertEqual(try runner().migrate(), ["0011"])

        XCTAssertEqual(try recordedVersions(), ["0001", "0002", "0010", "0011"])
        let statuses = try pool.withConnection { connection in
            try connection.query("SELECT status FROM documents ORDER BY id").map { try $0.string("status") }
        }
        XCTAssertEqual(statuses, ["done", "done", "new"])
        let checksum = try pool.withConnection { connection in
            try connection.query("SELECT checksum FROM schema_migrations WHERE version = '0001'")[0].string("checksum")
        }
        XCTAssertEqual(checksum.count, 64, "hex SHA-256")
    }

    func testChangedAppliedFileIsRefusedByName() throws {
        try write("0001_create.sql", "CREATE TABLE t (a int);")
        try runner().migrate()
        try write("0001_create.sql", "CREATE TABLE t (a int, b int);")
        try write("0002_next.sql", "CREATE TABLE u (a int);")
        XCTAssertThrowsError(try runner().migrate()) { error in
            guard case MigrationError.checksumMismatch(let version, let file) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(version, "0001")
            XCTAssertEqual(file, "0001_create.sql")
            XCTAssertTrue("\(error)".contains("0001_create.sql"), "\(error)")
        }
        XCTAssertEqual(try recordedVersions(), ["0001"], "nothing applied after a refused run")
    }

    func testFailingMigrationRollsBackAndStops() throws {
        try write("0001_ok.sql", "CREATE TABLE kept (a int);")
        try write("0002_broken.sql", "CREATE TABLE half (a int); INSERT INTO half VALUES ('not a number');")
        try write("0003_later.sql", "CREATE TABLE later (a int);")
        XCTAssertThrowsError(try runner().migrate()) { error in
            guard case MigrationError.migrationFailed(let version, let file, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(version, "0002")
            XCTAssertEqual(file, "0002_broken.sql")
        }
        XCTAssertEqual(try recordedVersions(), ["0001"])
        let tables = try pool.withConnection { connection in
            try connection.query("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1",
                                 [.text(schema.name)]).map { try $0.string("table_name") }
        }
        XCTAssertEqual(tables, ["kept", "schema_migrations"])
    }

    func testConcurrentRunnersApplyEachMigrationOnce() throws {
        try write("0001_log.sql", """
            CREATE TABLE applied_log (version text NOT NULL);
            INSERT INTO applied_log VALUES ('0001');
            SELECT pg_sleep(0.3);
            """)
        try write("0002_log.sql", "INSERT INTO applied_log VALUES ('0002');")
        let results = OrderLog()
        let errors = ErrorLog()
        let pools = (0..<3).map { _ in
            PostgresPool(configuration: TestDatabase.configuration(schema.connectionString, max: 1))
        }
        defer { pools.forEach { $0.close() } }
        let directory = self.directory!
        runOnThreads(3) { index in
            do {
                let applied = try MigrationRunner(pool: pools[index], directory: directory).migrate()
                applied.forEach { results.append(Int($0)!) }
            } catch {
                errors.record(error)
            }
        }
        XCTAssertTrue(errors.all.isEmpty, "\(errors.all)")
        XCTAssertEqual(results.values.sorted(), [1, 2], "each version applied by exactly one runner")
        let logged = try pool.withConnection { connection in
            try connection.query("SELECT version FROM applied_log ORDER BY version").map { try $0.string("version") }
        }
        XCTAssertEqual(logged, ["0001", "0002"])
    }

    func testMisnamedOrDuplicateFilesAreRefused() throws {
        try write("create_things.sql", "SELECT 1;")
        XCTAssertThrowsError(try runner().migrate()) { error in
            guard case MigrationError.invalidFileName("create_things.sql") = error else { return XCTFail("\(error)") }
        }
        try FileManager.default.removeItem(atPath: directory + "/create_things.sql")
        try write("0001_a.sql", "SELECT 1;")
        try write("001_b.sql", "SELECT 1;")
        XCTAssertThrowsError(try runner().migrate()) { error in
            guard case MigrationError.duplicateVersion = error else { return XCTFail("\(error)") }
        }
    }
}
