@testable import Postgres
import XCTest

/// The text-format codecs, without a server.
final class PostgresTextFormatTests: XCTestCase {
    func testTimestampParsesOffsetsAndFractions() {
        XCTAssertEqual(parse("1970-01-01 00:00:00+00")?.timeIntervalSince1970, 0)
        XCTAssertEqual(parse("1970-01-01 01:00:00+01")?.timeIntervalSince1970, 0)
        XCTAssertEqual(parse("1970-01-01 05:30:00+05:30")?.timeIntervalSince1970, 0)
        XCTAssertEqual(parse("1969-12-31 23:06:32-00:53:28")?.timeIntervalSince1970, 0)
        XCTAssertEqual(parse("2000-01-01 00:00:00.5+00")?.timeIntervalSince1970, 946_684_800.5)
        XCTAssertEqual(parse("2000-01-01T00:00:00Z")?.timeIntervalSince1970, 946_684_800)
        XCTAssertEqual(parse("2024-02-29 12:00:00+00")?.timeIntervalSince1970, 1_709_208_000)
        for malformed in ["infinity", "-infinity", "2024-13-01 00:00:00+00", "2024-01-01 00:00:00",
                          "2024-01-01 00:00:00.+00", "0044-03-15 12:00:00+00 BC", ""] {
            XCTAssertNil(parse(malformed), malformed)
        }
    }

    func testTimestampFormatRoundTripsMicroseconds() {
        for seconds in [0, 1_700_000_000.123456, -1.000001, 253_402_300_799.999999, 951_782_400] as [Double] {
            let date = Date(timeIntervalSince1970: seconds)
            let text = PostgresTimestamp.format(date)
            let back = parse(text)
            XCTAssertEqual(back.map { ($0.timeIntervalSince1970 * 1e6).rounded() }, (seconds * 1e6).rounded(), text)
        }
        XCTAssertEqual(PostgresTimestamp.format(Date(timeIntervalSince1970: 951_782_400)), "2000-02-29 00:00:00.000000+00")
        XCTAssertEqual(PostgresTimestamp.format(Date(timeIntervalSince1970: -0.5)), "1969-12-31 23:59:59.500000+00")
    }

    func testArrayLiteralDecoding() {
        XCTAssertEqual(decode("{}"), [])
        XCTAssertEqual(decode("{a,b}"), ["a", "b"])
        XCTAssertEqual(decode(#"{"a b","c,d","e\"f","g\\h"}"#), ["a b", "c,d", "e\"f", "g\\h"])
        XCTAssertEqual(decode(#"{NULL,null,"NULL"}"#), [nil, nil, "NULL"])
        XCTAssertEqual(decode(#"{"",x}"#), ["", "x"])
        for malformed in ["", "{", "a,b", "{a,}", "{{a},{b}}", #"{"unterminated}"#, "{a\"b}"] {
            XCTAssertNil(decode(malformed), malformed)
        }
    }

    func testArrayLiteralEncodingQuotesEverything() {
        var buffer: [UInt8] = []
        PostgresArrayLiteral.encode(["a", "b\"c", "d\\e", "NULL"], into: &buffer)
        XCTAssertEqual(String(decoding: buffer, as: UTF8.self), #"{"a","b\"c","d\\e","NULL"}"#)
        XCTAssertEqual(decode(String(decoding: buffer, as: UTF8.self)), ["a", "b\"c", "d\\e", "NULL"])
    }

    func testMigrationFileNames() {
        XCTAssertEqual(MigrationFile.version(ofFileName: "0001_create_documents.sql"), "0001")
        XCTAssertEqual(MigrationFile.version(ofFileName: "12_add-index.sql"), "12")
        for invalid in ["create.sql", "0001.sql", "_x.sql", "00a1_x.sql", "0001_.sql", "0001_bad name.sql"] {
            XCTAssertNil(MigrationFile.version(ofFileName: invalid), invalid)
        }
    }

    private func parse(_ text: String) -> Date? {
        Array(text.utf8).withUnsafeBufferPointer(PostgresTimestamp.parse)
    }

    private func decode(_ text: String) -> [String?]? {
        Array(text.utf8).withUnsafeBufferPointer(PostgresArrayLiteral.decode)
    }
}
