import XCTest
import HTTPServer

final class FormURLEncodedTests: XCTestCase {
    func testDecodesPairs() {
        XCTAssertEqual(FormURLEncoded.parse("a=1&b=two+words&c=%41%42"), [
            QueryItem(name: "a", value: "1"), QueryItem(name: "b", value: "two words"), QueryItem(name: "c", value: "AB"),
        ])
    }

    func testSkipsEmptyPairsAndKeepsValuelessNames() {
        XCTAssertEqual(FormURLEncoded.parse("&&flag&x=&=y&"), [
            QueryItem(name: "flag", value: ""), QueryItem(name: "x", value: ""), QueryItem(name: "", value: "y"),
        ])
    }

    func testKeepsRepeatedNamesInOrder() {
        XCTAssertEqual(FormURLEncoded.parse("t=1&t=2").map(\.value), ["1", "2"])
    }

    func testOnlyTheFirstEqualsSplits() {
        XCTAssertEqual(FormURLEncoded.parse("expr=a=b"), [QueryItem(name: "expr", value: "a=b")])
    }

    func testDecodesUTF8AndEscapedSpecials() {
        XCTAssertEqual(FormURLEncoded.parse("n=caf%C3%A9&s=%2B%26%3D"), [
            QueryItem(name: "n", value: "caf\u{e9}"), QueryItem(name: "s", value: "+&="),
        ])
    }

    func testKeepsMalformedEscapesAsWritten() {
        XCTAssertEqual(FormURLEncoded.parse("a=100%&b=%zz&c=%4"), [
            QueryItem(name: "a", value: "100%"), QueryItem(name: "b", value: "%zz"), QueryItem(name: "c", value: "%4"),
        ])
    }

    func testReplacesInvalidUTF8() {
        XCTAssertEqual(FormURLEncoded.parse(Array("v=%FF".utf8)), [QueryItem(name: "v", value: "\u{FFFD}")])
    }

    func testEmptyInput() {
        XCTAssertEqual(FormURLEncoded.parse(""), [])
    }
}
