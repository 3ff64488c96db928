import Foundation
import Postgres
import XCTest

/// Typed decoding and parameter encoding against a real server.
final class PostgresDecodingTests: XCTestCase {
    private var connection: PostgresConnection!

    override func setUpWithError() throws {
        connection = try PostgresConnection.connect(PostgresConfiguration(connectionString: TestDatabase.url()))
    }

    override func tearDown() { connection = nil }

    func testDecodesEachSupportedType() throws {
        let row = try connection.query("""
            SELECT '6f1c2a36-0d2e-4e55-9b1a-2f0e8d1c9a77'::uuid AS id,
                   'plain text' AS name,
                   42::int2 AS small, 2147483647::int4 AS regular, 9223372036854775807::int8 AS big,
                   -17::int AS negative,
                   12345678901234567890.123456789::numeric AS exact,
                   '2024-02-29 23:59:58.123456+00'::timestamptz AS stamp,
                   '{"b": [1, 2], "a": "x"}'::jsonb AS doc,
                   ARRAY['one', 'two words', 'quote"and\\backslash', 'comma,brace}', 'NULL', ''] AS labels,
                   true AS yes, false AS no, 2.5::float8 AS ratio, '\\x00ff10'::bytea AS blob
            """)[0]
        XCTAssertEqual(try row.uuid("id"), UUID(uuidString: "6F1C2A36-0D2E-4E55-9B1A-2F0E8D1C9A77"))
        XCTAssertEqual(try row.string("name"), "plain text")
        XCTAssertEqual(try row.int("small"), 42)
        XCTAssertEqual(try row.int("regular"), 2_147_483_647)
        XCTAssertEqual(try row.int("big"), Int.max)
        XCTAssertEqual(try row.int("negative"), -17)
        XCTAssertEqual(try row.numeric("exact"), "12345678901234567890.123456789")
        let expected = Date(timeIntervalSince1970: 1_709_251_198.123456)
        XCTAssertEqual(try microseconds(row.date("stamp")), microseconds(expected))
        XCTAssertEqual(try row.json("doc"), #"{"a": "x", "b": [1, 2]}"#)
        XCTAssertEqual(try row.jsonBytes("doc"), Array(#"{"a": "x", "b": [1, 2]}"#.utf8))
        XCTAssertEqual(try row.textArray("labels"),
                       ["one", "two words", #"quote"and\backslash"#, "comma,brace}", "NULL", ""])
        XCTAssertTrue(try row.bool("yes"))
        XCTAssertFalse(try row.bool("no"))
        XCTAssertEqual(try row.double("ratio"), 2.5)
        XCTAssertEqual(try row.bytes("blob"), [0x00, 0xFF, 0x10])
        // The same values by index.
        XCTAssertEqual(try row.string(1), "plain text")
        XCTAssertEqual(try row.int(4), Int.max)
    }

    func testIntegerLimits() throws {
        let row = try connection.query("""
            SELECT (-9223372036854775808)::int8 AS lowest, 0 AS zero, 9223372036854775808::numeric AS too_big,
                   '-'::text AS dash, '12a'::text AS mixed
            """)[0]
        XCTAssertEqual(try row.int("lowest"), Int.min)
        XCTAssertEqual(try row.int("zero"), 0)
        for column in ["too_big", "dash", "mixed"] {
            XCTAssertThrowsError(try row.int(column), column)
        }
    }

    func testTimestampsKeepMicrosecondsInAnySessionTimeZone() throws {
        try connection.execute("SET TimeZone TO 'Asia/Kolkata'")
        let instant = Date(timeIntervalSince1970: 1_700_000_000.654321)
        let row = try connection.query("SELECT $1::timestamptz AS t, $1::timestamptz::text AS shown",
                                       [.timestamptz(instant)])[0]
        let shown = try row.string("shown")
        XCTAssertTrue(shown.hasSuffix("+05:30"), "session time zone applied: \(shown)")
        XCTAssertEqual(try microseconds(row.date("t")), microseconds(instant))
        let beforeEpoch = Date(timeIntervalSince1970: -86_400.5)
        XCTAssertEqual(try microseconds(connection.query("SELECT $1::timestamptz AS t",
                                                         [.timestamptz(beforeEpoch)])[0].date("t")),
                       microseconds(beforeEpoch))
    }

    func testNullsAndOptionalAccessors() throws {
        let row = try connection.query("""
            SELECT NULL::text AS name, NULL::int AS count, NULL::uuid AS id, NULL::timestamptz AS stamp,
                   NULL::text[] AS labels, ARRAY['a', NULL] AS holey, NULL::numeric AS amount
            """)[0]
        XCTAssertNil(try row.optionalString("name"))
        XCTAssertNil(try row.optionalInt("count"))
        XCTAssertNil(try row.optionalUUID("id"))
        XCTAssertNil(try row.optionalDate("stamp"))
        XCTAssertNil(try row.optionalNumeric("amount"))
        XCTAssertEqual(try row.textArray("labels"), [])
        XCTAssertEqual(try row.optionalTextArray("holey"), ["a", nil])
        XCTAssertTrue(try row.isNull("name"))
        XCTAssertThrowsError(try row.string("name")) { error in
            XCTAssertTrue("\(error)".contains("'name' is NULL"), "\(error)")
        }
        XCTAssertThrowsError(try row.textArray("holey"))
    }

    func testParametersRoundTripIncludingUnicodeAndNull() throws {
        let id = UUID()
        let instant = Date(timeIntervalSince1970: 1_234_567_890.000001)
        let unicode = "Rechnung Nr. 42 — Müller & Søn, 東京, emoji 🧾, quote ' and \"double\", back\\slash"
        let row = try connection.query("""
            SELECT $1::text AS text, $2::text AS missing, $3::int8 AS number, $4::float8 AS ratio,
                   $5::bool AS flag, $6::uuid AS id, $7::jsonb AS doc, $8::text[] AS labels,
                   $9::timestamptz AS stamp, $10::bytea AS blob, $2 IS NULL AS missing_is_null
            """, [.text(unicode), .null, .int(-9_000_000_000), .double(-0.125), .bool(true), .uuid(id),
                  .jsonb(#"{"name": "Ünïcödé", "n": [1, null]}"#),
                  .textArray(["a,b", "{braces}", "q\"uote", "back\\slash", "NULL", "", "日本"]),
                  .timestamptz(instant), .bytea([0, 1, 2, 255, 0])])[0]
        XCTAssertEqual(try row.string("text"), unicode)
        XCTAssertNil(try row.optionalString("missing"))
        XCTAssertTrue(try row.bool("missing_is_null"))
        XCTAssertEqual(try row.int("number"), -9_000_000_000)
        XCTAssertEqual(try row.double("ratio"), -0.125)
        XCTAssertTrue(try row.bool("flag"))
        XCTAssertEqual(try row.uuid("id"), id)
        XCTAssertEqual(try row.json("doc"), #"{"n": [1, null], "name": "Ünïcödé"}"#)
        XCTAssertEqual(try row.textArray("labels"), ["a,b", "{braces}", "q\"uote", "back\\slash", "NULL", "", "日本"])
        XCTAssertEqual(try microseconds(row.date("stamp")), microseconds(instant))
        XCTAssertEqual(try row.bytes("blob"), [0, 1, 2, 255, 0])
    }

    func testTextParameterIsInferredFromItsColumn() throws {
        try connection.execute("CREATE TEMP TABLE typed (id uuid PRIMARY KEY, payload jsonb, at timestamptz)")
        let id = UUID()
        // A plain string goes into a uuid column without a cast, like a quoted literal would.
        try connection.query("INSERT INTO typed (id, payload, at) VALUES ($1, $2, now())",
                             [.text(id.uuidString), .jsonb("[]")])
        let result = try connection.query("SELECT id FROM typed WHERE id = $1", [.uuid(id)])
        XCTAssertEqual(result.count, 1)
        XCTAssertEqual(try result[0].uuid(0), id)
    }

    func testAffectedRowsAndColumns() throws {
        try connection.execute("CREATE TEMP TABLE counted (n int)")
        let insert = try connection.query("INSERT INTO counted SELECT generate_series(1, $1::int)", [.int(7)])
        XCTAssertEqual(insert.affectedRows, 7)
        XCTAssertEqual(try connection.query("UPDATE counted SET n = n + 1 WHERE n > $1", [.int(4)]).affectedRows, 3)
        let select = try connection.query("SELECT n, n * 2 AS doubled FROM counted ORDER BY n")
        XCTAssertEqual(select.count, 7)
        XCTAssertEqual(select.columns, ["n", "doubled"])
        XCTAssertEqual(try select.map { try $0.int("doubled") }, [2, 4, 6, 8, 12, 14, 16])
    }

    func testDecodingErrorsNameTheColumn() throws {
        let row = try connection.query("SELECT 'abc' AS word, 1 AS one")[0]
        XCTAssertThrowsError(try row.int("word")) { error in
            guard case PostgresError.decodingFailed(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("word") && message.contains("integer"), message)
        }
        XCTAssertThrowsError(try row.uuid("word"))
        XCTAssertThrowsError(try row.string("nope")) { error in
            XCTAssertTrue("\(error)".contains("no column named 'nope'"), "\(error)")
        }
        XCTAssertThrowsError(try row.string(5))
    }

    func testServerErrorsCarrySQLState() throws {
        try connection.execute("CREATE TEMP TABLE unique_names (name text PRIMARY KEY)")
        try connection.query("INSERT INTO unique_names VALUES ($1)", [.text("a")])
        XCTAssertThrowsError(try connection.query("INSERT INTO unique_names VALUES ($1)", [.text("a")])) { error in
            guard let error = error as? PostgresError else { return XCTFail("\(error)") }
            XCTAssertTrue(error.isUniqueViolation)
            XCTAssertFalse(error.isUnavailable)
            guard case .queryFailed(_, _, let detail) = error else { return XCTFail("\(error)") }
            XCTAssertNotNil(detail)
        }
        XCTAssertThrowsError(try connection.query("SELECT * FROM no_such_table")) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "42P01")
        }
        // The session is still usable after errors.
        XCTAssertEqual(try connection.query("SELECT 1 AS one")[0].int("one"), 1)
    }

    func testCachedStatementSurvivesTableChange() throws {
        try connection.execute("CREATE TEMP TABLE evolving (a int)")
        try connection.query("INSERT INTO evolving VALUES ($1)", [.int(1)])
        XCTAssertEqual(try connection.query("SELECT * FROM evolving").columns, ["a"])
        try connection.execute("ALTER TABLE evolving ADD COLUMN b text DEFAULT 'x'")
        // The cached plan's result type changed; the statement is prepared again transparently.
        let result = try connection.query("SELECT * FROM evolving")
        XCTAssertEqual(result.columns, ["a", "b"])
        XCTAssertEqual(try result[0].string("b"), "x")
    }

    func testStatementCacheIsBounded() throws {
        var configuration = PostgresConfiguration(connectionString: try TestDatabase.url())
        configuration.statementCacheCapacity = 3
        let small = try PostgresConnection.connect(configuration)
        for value in 0..<10 {
            XCTAssertEqual(try small.query("SELECT \(value) + $1::int AS v", [.int(1)])[0].int("v"), value + 1)
        }
        let prepared = try small.query("SELECT count(*)::int AS n FROM pg_prepared_statements")[0].int("n")
        XCTAssertLessThanOrEqual(prepared, 4)  // the three cached plus the count query itself
    }

    func testMultiStatementExecute() throws {
        try connection.execute("""
            CREATE TEMP TABLE multi (n int);
            INSERT INTO multi VALUES (1), (2);
            INSERT INTO multi VALUES (3);
            """)
        XCTAssertEqual(try connection.query("SELECT sum(n)::int AS s FROM multi")[0].int("s"), 6)
    }

    private func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }
}
