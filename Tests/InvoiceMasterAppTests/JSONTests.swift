import XCTest
@testable import InvoiceMasterApp

final class JSONTests: XCTestCase {
    func testParsesEveryKindAndKeepsNumberText() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2.50, 1e3, true, false, null], "b": {"c": "x\ny\u00e9\ud83d\ude00"}} "#)
        let object = try XCTUnwrap(value.objectValue)
        XCTAssertEqual(object["a"], .array([.number("1"), .number("-2.50"), .number("1e3"), .bool(true), .bool(false), .null]))
        XCTAssertEqual(object["b"]?.objectValue?["c"], .string("x\nyé😀"))
        XCTAssertEqual(object.members.map(\.name), ["a", "b"])
    }

    func testRejectsMalformedInputWithPosition() {
        let cases: [(String, String)] = [
            ("{not json", "expected a member name in double quotes"),
            ("[1,]", "expected a value"),
            ("01", "leading zeros are not allowed"),
            ("{\"a\":1} x", "unexpected data after the JSON value"),
            ("\"\\ud800\"", "unpaired surrogate in \\u escape"),
            ("\"tab\there\"", "control character in string (escape it)"),
            ("", "unexpected end of input, expected a value"),
            ("nul", "expected a value"),
        ]
        for (input, reason) in cases {
            XCTAssertThrowsError(try JSONParser.parse(input), input) { error in
                XCTAssertEqual((error as? JSONParser.SyntaxError)?.reason, reason, input)
            }
        }
        XCTAssertThrowsError(try JSONParser.parse("{x")) { error in
            XCTAssertEqual((error as? JSONParser.SyntaxError)?.offset, 1)
        }
    }

    func testRejectsInvalidUTF8AndDeepNesting() {
        XCTAssertThrowsError(try JSONParser.parse([0x22, 0xFF, 0x22]))
        let depth = JSONParser.maximumDepth + 1
        XCTAssertThrowsError(try JSONParser.parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth)))
        XCTAssertNoThrow(try JSONParser.parse(String(repeating: "[", count: 10) + String(repeating: "]", count: 10)))
    }

    func testRepeatedMemberKeepsLastValue() throws {
        XCTAssertEqual(try JSONParser.parse(#"{"a":1,"a":2}"#).objectValue?["a"], .number("2"))
    }

    func testWriterEscapesAndRoundTrips() throws {
        let original = JSONValue.object(JSONObject([
            ("quote\"", .string("back\\slash\n\u{01}é")),
            ("n", .number("12.50")),
            ("list", .array([.bool(true), .null, .object(JSONObject())])),
        ]))
        let text = original.jsonText
        XCTAssertEqual(text, #"{"quote\"":"back\\slash\n\u0001é","n":12.50,"list":[true,null,{}]}"#)
        XCTAssertEqual(try JSONParser.parse(text), original)
    }

    func testWriterIntegers() {
        for value in [0, 7, -7, 1234567890, Int.max, Int.min + 1] {
            var writer = JSONWriter()
            writer.int(value)
            XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), String(value))
        }
    }

    func testWriterFixedWidthDigits() {
        let cases: [(value: Int, width: Int, text: String)] = [
            (0, 3, "000"), (7, 2, "07"), (42, 2, "42"), (999, 3, "999"), (2026, 4, "2026"), (5, 1, "5"),
        ]
        for item in cases {
            var writer = JSONWriter()
            writer.digits(item.value, width: item.width)
            XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), item.text, "\(item.value)")
        }
    }

    func testNulDetection() throws {
        XCTAssertTrue(try JSONParser.parse(#"{"a":["x\u0000"]}"#).containsNulCharacter)
        XCTAssertTrue(try JSONParser.parse(#"{"a\u0000":1}"#).containsNulCharacter)
        XCTAssertFalse(try JSONParser.parse(#"{"a":["x"]}"#).containsNulCharacter)
    }

    /// RFC 7396 appendix A examples.
    func testMergePatchFollowsRFC7396() throws {
        let examples: [(String, String, String)] = [
            (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
            (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
            (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
            (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
            (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
            (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
            (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
            (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
            (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
            (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
            (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
            (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
            (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
        ]
        for (target, patch, expected) in examples {
            let result = try JSONParser.parse(target).mergePatched(with: JSONParser.parse(patch))
            XCTAssertEqual(result, try JSONParser.parse(expected), "\(target) + \(patch)")
        }
    }
}
