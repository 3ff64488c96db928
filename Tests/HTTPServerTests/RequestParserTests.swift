import XCTest
@testable import HTTPServer

/// Table-driven parser tests: one behaviour per case. Every case runs twice, once with the
/// whole input at once and once fed a byte at a time, and both must give the same events.
final class RequestParserTests: XCTestCase {
    struct Case {
        let name: String
        let input: String
        let expected: [DecodeEvent]
        var limits = HTTPParserLimits()
    }

    static func ok(_ method: String = "GET", _ path: String = "/", body: String = "", keepAlive: Bool = true) -> DecodeEvent {
        .request(method: method, path: path, body: body, keepAlive: keepAlive)
    }

    static func status(_ code: Int) -> [DecodeEvent] { [.failure(status: code)] }

    static var smallBodyLimits: HTTPParserLimits {
        var limits = HTTPParserLimits()
        limits.maxBodyBytes = 10
        return limits
    }

    static let accepted: [Case] = [
        Case(name: "simple GET", input: "GET / HTTP/1.1\r\nHost: a\r\n\r\n", expected: [ok()]),
        Case(name: "HTTP/1.0 needs no Host", input: "GET /x HTTP/1.0\r\n\r\n", expected: [ok("GET", "/x", keepAlive: false)]),
        Case(name: "HTTP/1.0 keep-alive", input: "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", expected: [ok()]),
        Case(name: "HTTP/1.1 Connection close", input: "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
             expected: [ok(keepAlive: false)]),
        Case(name: "Connection list with close", input: "GET / HTTP/1.1\r\nHost: a\r\nConnection: upgrade, CLOSE\r\n\r\n",
             expected: [ok(keepAlive: false)]),
        Case(name: "header name case-insensitive", input: "GET / HTTP/1.1\r\nhOsT: a\r\n\r\n", expected: [ok()]),
        Case(name: "empty header value", input: "GET / HTTP/1.1\r\nHost: a\r\nX-Empty:\r\n\r\n", expected: [ok()]),
        Case(name: "obs-text in value", input: "GET / HTTP/1.1\r\nHost: a\r\nX-Name: caf\u{e9}\r\n\r\n", expected: [ok()]),
        Case(name: "tab in value", input: "GET / HTTP/1.1\r\nHost: a\r\nX-T: a\tb\r\n\r\n", expected: [ok()]),
        Case(name: "other method token", input: "PROPFIND /dav HTTP/1.1\r\nHost: a\r\n\r\n", expected: [ok("PROPFIND", "/dav")]),
        Case(name: "leading empty lines ignored", input: "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", expected: [ok()]),
        Case(name: "percent-decoded path", input: "GET /a%20b/%C3%A9 HTTP/1.1\r\nHost: a\r\n\r\n", expected: [ok("GET", "/a b/\u{e9}")]),
        Case(name: "absolute-form", input: "GET http://example.com/docs?x=1 HTTP/1.1\r\nHost: example.com\r\n\r\n",
             expected: [ok("GET", "/docs")]),
        Case(name: "absolute-form without path", input: "GET HTTP://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n",
             expected: [ok("GET", "/")]),
        Case(name: "asterisk-form for OPTIONS", input: "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", expected: [ok("OPTIONS", "*")]),
        Case(name: "Content-Length body", input: "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
             expected: [ok("POST", "/p", body: "hello")]),
        Case(name: "Content-Length zero", input: "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
             expected: [ok("POST", "/p")]),
        Case(name: "identical Content-Length list", input: "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\nabc",
             expected: [ok("POST", "/p", body: "abc")]),
        Case(name: "identical Content-Length fields",
             input: "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
             expected: [ok("POST", "/p", body: "abc")]),
        Case(name: "chunked body", input: "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
             expected: [ok("POST", "/c", body: "hello world")]),
        Case(name: "chunked with extension and uppercase hex",
             input: "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\nA;name=\"v\"\r\n0123456789\r\n0\r\n\r\n",
             expected: [ok("POST", "/c", body: "0123456789")]),
        Case(name: "chunked with trailers",
             input: "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\nX-Sum: 1\r\nX-B: 2\r\n\r\n",
             expected: [ok("POST", "/c", body: "hi")]),
        Case(name: "expect 100-continue", input: "POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n",
             expected: [.sendContinue]),
        Case(name: "pipelined requests in order",
             input: "GET /1 HTTP/1.1\r\nHost: a\r\n\r\nPOST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nxGET /3 HTTP/1.1\r\nHost: a\r\n\r\n",
             expected: [ok("GET", "/1"), ok("POST", "/2", body: "x"), ok("GET", "/3")]),
        Case(name: "incomplete head waits", input: "GET / HTTP/1.1\r\nHost: a\r\n", expected: []),
        Case(name: "incomplete body waits", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 9\r\n\r\nabc", expected: []),
    ]

    static let rejected: [Case] = [
        Case(name: "bare LF ends request line", input: "GET / HTTP/1.1\nHost: a\r\n\r\n", expected: status(400)),
        Case(name: "bare LF ends header line", input: "GET / HTTP/1.1\r\nHost: a\n\r\n", expected: status(400)),
        Case(name: "bare LF only", input: "GET / HTTP/1.1\nHost: a\n\n", expected: status(400)),
        Case(name: "bare CR in header", input: "GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n", expected: status(400)),
        Case(name: "bare CR ends head", input: "GET / HTTP/1.1\r\nHost: a\r\n\rX", expected: status(400)),
        Case(name: "space before colon", input: "GET / HTTP/1.1\r\nHost : a\r\n\r\n", expected: status(400)),
        Case(name: "space inside name", input: "GET / HTTP/1.1\r\nHost: a\r\nX Y: b\r\n\r\n", expected: status(400)),
        Case(name: "empty header name", input: "GET / HTTP/1.1\r\nHost: a\r\n: b\r\n\r\n", expected: status(400)),
        Case(name: "obs-fold", input: "GET / HTTP/1.1\r\nHost: a\r\nX: b\r\n  c\r\n\r\n", expected: status(400)),
        Case(name: "control character in value", input: "GET / HTTP/1.1\r\nHost: a\r\nX: a\u{01}b\r\n\r\n", expected: status(400)),
        Case(name: "DEL in value", input: "GET / HTTP/1.1\r\nHost: a\r\nX: a\u{7f}b\r\n\r\n", expected: status(400)),
        Case(name: "NUL in value", input: "GET / HTTP/1.1\r\nHost: a\r\nX: a\u{0}b\r\n\r\n", expected: status(400)),
        Case(name: "missing Host on HTTP/1.1", input: "GET / HTTP/1.1\r\n\r\n", expected: status(400)),
        Case(name: "two Host fields", input: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", expected: status(400)),
        Case(name: "Content-Length and Transfer-Encoding",
             input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", expected: status(400)),
        Case(name: "differing Content-Length fields",
             input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", expected: status(400)),
        Case(name: "differing Content-Length list", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\n",
             expected: status(400)),
        Case(name: "signed Content-Length", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +3\r\n\r\n", expected: status(400)),
        Case(name: "negative Content-Length", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", expected: status(400)),
        Case(name: "non-numeric Content-Length", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1a\r\n\r\n",
             expected: status(400)),
        Case(name: "empty Content-Length", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n", expected: status(400)),
        Case(name: "unknown transfer coding", input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n",
             expected: status(501)),
        Case(name: "coding before chunked", input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
             expected: status(501)),
        Case(name: "chunked twice", input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n",
             expected: status(400)),
        Case(name: "Transfer-Encoding on HTTP/1.0", input: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n",
             expected: status(400)),
        Case(name: "target over 8 KiB", input: "GET /" + String(repeating: "a", count: 8192) + " HTTP/1.1\r\nHost: a\r\n\r\n",
             expected: status(414)),
        Case(name: "header section over 16 KiB",
             input: "GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "b", count: 16400) + "\r\n\r\n", expected: status(431)),
        Case(name: "more than 100 fields",
             input: "GET / HTTP/1.1\r\nHost: a\r\n" + String(repeating: "X: y\r\n", count: 100) + "\r\n", expected: status(431)),
        Case(name: "Content-Length over the limit", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n",
             expected: status(413), limits: smallBodyLimits),
        Case(name: "huge Content-Length", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n",
             expected: status(413)),
        Case(name: "chunked body over the limit",
             input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\n",
             expected: status(413), limits: smallBodyLimits),
        Case(name: "HTTP/2 preface", input: "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", expected: status(505)),
        Case(name: "HTTP/1.2", input: "GET / HTTP/1.2\r\nHost: a\r\n\r\n", expected: status(505)),
        Case(name: "HTTP/0.9 style version", input: "GET / HTTP/0.9\r\n\r\n", expected: status(505)),
        Case(name: "lowercase version", input: "GET / http/1.1\r\nHost: a\r\n\r\n", expected: status(400)),
        Case(name: "missing version", input: "GET /\r\nHost: a\r\n\r\n", expected: status(400)),
        Case(name: "double space in request line", input: "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", expected: status(400)),
        Case(name: "invalid method character", input: "G(T / HTTP/1.1\r\nHost: a\r\n\r\n", expected: status(400)),
        Case(name: "non-ASCII in target", input: "GET /caf\u{e9} HTTP/1.1\r\nHost: a\r\n\r\n", expected: status(400)),
        Case(name: "fragment in target", input: "GET /a#b HTTP/1.1\r\nHost: a\r\n\r\n", expected: status(400)),
        Case(name: "malformed percent-escape in path", input: "GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n", expected: status(400)),
        Case(name: "encoded NUL in path", input: "GET /a%00 HTTP/1.1\r\nHost: a\r\n\r\n", expected: status(400)),
        Case(name: "authority-form", input: "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n", expected: status(400)),
        Case(name: "asterisk outside OPTIONS", input: "GET * HTTP/1.1\r\nHost: a\r\n\r\n", expected: status(400)),
        Case(name: "malformed chunk size",
             input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", expected: status(400)),
        Case(name: "chunk data longer than its size",
             input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", expected: status(400)),
        Case(name: "chunk size ended by bare LF",
             input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\nab\r\n0\r\n\r\n", expected: status(400)),
        Case(name: "malformed trailer",
             input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nBad Trailer: x\r\n\r\n", expected: status(400)),
    ]

    func testAcceptedRequests() { check(Self.accepted) }
    func testRejectedRequests() { check(Self.rejected) }

    private func check(_ cases: [Case]) {
        for testCase in cases {
            let whole = RequestDecoderHarness.run(testCase.input, limits: testCase.limits)
            XCTAssertEqual(whole.events, testCase.expected, "\(testCase.name) (whole input)")
            let trickled = RequestDecoderHarness.run(testCase.input, pieceSize: 1, limits: testCase.limits)
            XCTAssertEqual(trickled.events, testCase.expected, "\(testCase.name) (one byte at a time)")
        }
    }

    // MARK: Details of what is parsed

    func testHeadersKeepOrderSpellingAndTrimmedValues() throws {
        let run = RequestDecoderHarness.run("GET / HTTP/1.1\r\nHost:  a \t\r\nX-Multi: 1\r\nx-multi: 2\r\n\r\n")
        let request = try XCTUnwrap(run.requests.first)
        XCTAssertEqual(request.headers["host"], "a")
        XCTAssertEqual(request.headers.values(for: "X-MULTI"), ["1", "2"])
        XCTAssertEqual(request.headers.map(\.name), ["Host", "X-Multi", "x-multi"])
    }

    func testQueryItemsAreDecoded() throws {
        let run = RequestDecoderHarness.run("GET /s?q=a+b%26c&empty=&flag&=v&x=%zz HTTP/1.1\r\nHost: a\r\n\r\n")
        let request = try XCTUnwrap(run.requests.first)
        XCTAssertEqual(request.queryItems, [
            QueryItem(name: "q", value: "a b&c"), QueryItem(name: "empty", value: ""),
            QueryItem(name: "flag", value: ""), QueryItem(name: "", value: "v"), QueryItem(name: "x", value: "%zz"),
        ])
        XCTAssertEqual(request.target, "/s?q=a+b%26c&empty=&flag&=v&x=%zz")
        XCTAssertEqual(request.query("q"), "a b&c")
    }

    func testTrailersAreKeptApartFromHeaders() throws {
        let run = RequestDecoderHarness.run(
            "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\nX-Checksum: 42\r\n\r\n")
        let request = try XCTUnwrap(run.requests.first)
        XCTAssertEqual(request.trailers["x-checksum"], "42")
        XCTAssertNil(request.headers["x-checksum"])
    }

    func testContinueIsOfferedOnlyBeforeTheBody() {
        let early = RequestDecoderHarness.run(
            "POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok")
        XCTAssertEqual(early.events, [Self.ok("POST", "/e", body: "ok")], "body already sent: no 100 needed")
    }

    func testHeadBytesAreConsumedExactly() {
        let run = RequestDecoderHarness.run("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /next HTTP/1.1\r\nHost: a\r\n\r\n", pieceSize: 7)
        XCTAssertEqual(run.events, [Self.ok(), Self.ok("GET", "/next")])
    }
}

/// Inputs found by scripts/fuzz-http, kept as regression tests.
final class RequestParserFuzzRegressionTests: XCTestCase {
    /// Found: a malformed request line sent a byte at a time was not rejected until the probe
    /// size was reached; it must be rejected as soon as its line ends.
    func testTrickledMalformedRequestLineIsRejectedAtItsLineEnd() {
        let run = RequestDecoderHarness.run("PRI * HTb\u{0}\u{0}\r\n", pieceSize: 1)
        XCTAssertEqual(run.events, [.failure(status: 400)])
    }

    func testTrickledMalformedHeaderIsRejectedBeforeTheHeadEnds() {
        let run = RequestDecoderHarness.run("GET / HTTP/1.1\r\nBad Header: x\r\n", pieceSize: 1)
        XCTAssertEqual(run.events, [.failure(status: 400)])
    }

    /// Found: `100 Continue` depends on whether body bytes arrived with the head, which is
    /// correct; the request that follows must be the same either way.
    func testContinueDoesNotChangeTheRequest() {
        let input = "PUT /u HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3, 3\r\n\r\nabc"
        let whole = RequestDecoderHarness.run(input)
        let split = RequestDecoderHarness.run(input, pieceSize: 9)
        XCTAssertEqual(whole.events, [.request(method: "PUT", path: "/u", body: "abc", keepAlive: true)])
        XCTAssertEqual(split.events, [.sendContinue, .request(method: "PUT", path: "/u", body: "abc", keepAlive: true)])
    }
}

/// The parser's bitmask byte classes against their RFC 9110 definitions, for all 256 bytes.
final class ByteClassTests: XCTestCase {
    func testTokenCharacters() {
        let tchar = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        for byte in 0...255 { XCTAssertEqual(ByteClass.isToken(UInt8(byte)), tchar.contains(UInt8(byte)), "byte \(byte)") }
    }

    func testFieldValueCharacters() {
        for byte in 0...255 {
            let allowed = byte == 9 || (0x20...0x7E).contains(byte) || byte >= 0x80
            XCTAssertEqual(ByteClass.isFieldValue(UInt8(byte)), allowed, "byte \(byte)")
        }
    }

    func testTargetCharacters() {
        for byte in 0...255 {
            let allowed = (0x21...0x7E).contains(byte) && byte != 0x23
            XCTAssertEqual(ByteClass.isTarget(UInt8(byte)), allowed, "byte \(byte)")
        }
    }
}
