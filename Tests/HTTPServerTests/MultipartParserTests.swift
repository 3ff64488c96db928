import XCTest
@testable import HTTPServer

final class MultipartParserTests: XCTestCase {
    private func body(_ text: String) -> [UInt8] { Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }

    func testParsesFieldsAndFiles() throws {
        let input = body("""
        --XyZ
        Content-Disposition: form-data; name="title"

        Invoice 7
        --XyZ
        Content-Disposition: form-data; name="file"; filename="inv 7.pdf"
        Content-Type: application/pdf

        %PDF-1.4 binary
        --XyZ--

        """)
        let parts = try MultipartParser.parse(body: input, boundary: "XyZ", maxPartBytes: 1000)
        XCTAssertEqual(parts.count, 2)
        XCTAssertEqual(parts[0].name, "title")
        XCTAssertNil(parts[0].filename)
        XCTAssertEqual(String(decoding: parts[0].body, as: UTF8.self), "Invoice 7")
        XCTAssertEqual(parts[1].name, "file")
        XCTAssertEqual(parts[1].filename, "inv 7.pdf")
        XCTAssertEqual(parts[1].contentType, "application/pdf")
        XCTAssertEqual(String(decoding: parts[1].body, as: UTF8.self), "%PDF-1.4 binary")
    }

    func testKeepsBinaryBytesAndBoundaryLookalikes() throws {
        var input = Array("--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n".utf8)
        // "--b" not after CRLF, and "\r\n-b", are content, not delimiters.
        let payload: [UInt8] = [0, 45, 45, 98, 13, 10, 45, 98, 255, 13, 10, 13, 10]
        input += payload + Array("\r\n--b--".utf8)
        let parts = try MultipartParser.parse(body: input, boundary: "b")
        XCTAssertEqual(parts.first?.body, payload)
    }

    func testIgnoresPreambleAndEpilogue() throws {
        let input = body("preamble text\n--q\nContent-Disposition: form-data; name=\"a\"\n\n1\n--q--\nepilogue")
        let parts = try MultipartParser.parse(body: input, boundary: "q")
        XCTAssertEqual(parts.map(\.name), ["a"])
    }

    func testPrefersExtendedFilename() throws {
        let input = body("--q\nContent-Disposition: form-data; name=\"f\"; filename=\"plain.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf\n\nx\n--q--")
        XCTAssertEqual(try MultipartParser.parse(body: input, boundary: "q").first?.filename, "r\u{e9}sum\u{e9}.pdf")
    }

    func testUnescapesQuotedParameters() throws {
        let input = body("--q\nContent-Disposition: form-data; name=\"a\\\"b\"; filename=\"c;d.pdf\"\n\nx\n--q--")
        let part = try XCTUnwrap(MultipartParser.parse(body: input, boundary: "q").first)
        XCTAssertEqual(part.name, "a\"b")
        XCTAssertEqual(part.filename, "c;d.pdf")
    }

    func testEmptyPartBody() throws {
        let input = body("--q\nContent-Disposition: form-data; name=\"e\"\n\n\n--q--")
        XCTAssertEqual(try MultipartParser.parse(body: input, boundary: "q").first?.body, [])
    }

    func testRejectsPartOverTheLimit() {
        let input = body("--q\nContent-Disposition: form-data; name=\"big\"\n\n0123456789\n--q--")
        XCTAssertThrowsError(try MultipartParser.parse(body: input, boundary: "q", maxPartBytes: 9)) {
            XCTAssertEqual($0 as? MultipartError, .partTooLarge(name: "big"))
        }
        XCTAssertNoThrow(try MultipartParser.parse(body: input, boundary: "q", maxPartBytes: 10))
    }

    func testRejectsMalformedBodies() {
        let cases: [(String, String)] = [
            ("no boundary at all", "hello"),
            ("unterminated part", "--q\nContent-Disposition: form-data; name=\"a\"\n\nvalue"),
            ("garbage after boundary", "--qjunk\n\nx\n--q--"),
            ("unterminated part headers", "--q\nContent-Disposition: form-data"),
            ("invalid part header", "--q\nBad Header: x\n\nv\n--q--"),
        ]
        for (name, text) in cases {
            XCTAssertThrowsError(try MultipartParser.parse(body: body(text), boundary: "q"), name) {
                guard case .malformed = $0 as? MultipartError else { return XCTFail("\(name): \($0)") }
            }
        }
    }

    func testRejectsTooManyParts() {
        let input = body(String(repeating: "--q\nContent-Disposition: form-data; name=\"a\"\n\n1\n", count: 3) + "--q--")
        XCTAssertThrowsError(try MultipartParser.parse(body: input, boundary: "q", maxParts: 2)) {
            XCTAssertEqual($0 as? MultipartError, .tooManyParts)
        }
    }

    func testBoundaryFromContentType() {
        XCTAssertEqual(MultipartParser.boundary(fromContentType: "multipart/form-data; boundary=abc"), "abc")
        XCTAssertEqual(MultipartParser.boundary(fromContentType: "Multipart/Form-Data; charset=utf-8; boundary=\"a b:c\""), "a b:c")
        XCTAssertNil(MultipartParser.boundary(fromContentType: "application/json"))
        XCTAssertNil(MultipartParser.boundary(fromContentType: "multipart/form-data"))
        XCTAssertNil(MultipartParser.boundary(fromContentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)))
        XCTAssertThrowsError(try MultipartParser.parse(body: [], boundary: "")) {
            XCTAssertEqual($0 as? MultipartError, .invalidBoundary)
        }
    }
}
