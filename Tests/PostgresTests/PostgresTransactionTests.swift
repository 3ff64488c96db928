import Postgres
import XCTest

final class PostgresTransactionTests: XCTestCase {
    private var schema: IsolatedSchema!
    private var pool: PostgresPool!

    private struct Abort: Error {}

    override func setUpWithError() throws {
        schema = try IsolatedSchema()
        // One connection, so every check below sees the connection the transaction used.
        pool = PostgresPool(configuration: TestDatabase.configuration(schema.connectionString, max: 1))
        _ = try pool.withConnection { try $0.execute("CREATE TABLE items (name text PRIMARY KEY)") }
    }

    override func tearDown() {
        pool?.close()
        schema?.drop()
    }

    func testCommitKeepsEveryStatement() throws {
        let inserted = try pool.withTransaction { connection -> Int in
            try connection.query("INSERT INTO items VALUES ($1)", [.text("a")])
            try connection.query("INSERT INTO items VALUES ($1)", [.text("b")])
            return 2
        }
        XCTAssertEqual(inserted, 2)
        XCTAssertEqual(try names(), ["a", "b"])
    }

    func testThrownErrorRollsBackEverything() throws {
        XCTAssertThrowsError(try pool.withTransaction { connection in
            try connection.query("INSERT INTO items VALUES ($1)", [.text("a")])
            throw Abort()
        }) { XCTAssertTrue($0 is Abort) }
        XCTAssertEqual(try names(), [])
    }

    func testFailingStatementRollsBackEarlierOnes() throws {
        XCTAssertThrowsError(try pool.withTransaction { connection in
            try connection.query("INSERT INTO items VALUES ($1)", [.text("a")])
            try connection.query("INSERT INTO items VALUES ($1)", [.text("a")])  // duplicate key
        }) { XCTAssertTrue(($0 as? PostgresError)?.isUniqueViolation == true, "\($0)") }
        XCTAssertEqual(try names(), [])
    }

    func testSwallowedErrorStillRollsBackAndReports() throws {
        XCTAssertThrowsError(try pool.withTransaction { connection in
            try connection.query("INSERT INTO items VALUES ($1)", [.text("kept?")])
            _ = try? connection.query("SELECT 1 / 0")  // aborts the transaction; error ignored here
        }) { XCTAssertEqual(($0 as? PostgresError)?.sqlState, "25P02", "\($0)") }
        XCTAssertEqual(try names(), [])
    }

    func testConnectionLeftInTransactionIsCleanedBeforeReuse() throws {
        try pool.withConnection { connection in
            try connection.execute("BEGIN")
            try connection.query("INSERT INTO items VALUES ($1)", [.text("never committed")])
        }
        try pool.withConnection { connection in
            let fresh = try connection.query("SELECT pg_current_xact_id_if_assigned() IS NULL AS fresh")[0].bool("fresh")
            XCTAssertTrue(fresh, "the next user must not inherit an open transaction")
        }
        XCTAssertEqual(try names(), [])
        try pool.withConnection { connection in
            try connection.execute("BEGIN")
            _ = try? connection.query("SELECT 1 / 0")  // leaves the transaction aborted
        }
        XCTAssertEqual(try names(), [], "an aborted transaction must not reach the next caller")
    }

    private func names() throws -> [String] {
        try pool.withConnection { connection in
            try connection.query("SELECT name FROM items ORDER BY name").map { try $0.string("name") }
        }
    }
}
