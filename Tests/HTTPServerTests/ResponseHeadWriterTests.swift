import XCTest
@testable import HTTPServer

final class ResponseHeadWriterTests: XCTestCase {
    private let date = Array("Date: Thu, 01 Jan 1970 00:00:00 GMT\r\n".utf8)
    private let server = Array("Server: test\r\n".utf8)

    private func head(_ status: HTTPStatus = .ok, _ headers: [(String, String)] = [],
                      framing: ResponseHeadWriter.Framing = .contentLength(5), keepAlive: Bool = true) -> String {
        var output: [UInt8] = []
        ResponseHeadWriter.write(status: status, headers: HTTPHeaders(headers), framing: framing, keepAlive: keepAlive,
                                 dateLine: date, serverLine: server, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    func testWritesStatusDateServerLengthAndConnection() {
        XCTAssertEqual(head(.ok, [("Content-Type", "text/plain")]),
                       "HTTP/1.1 200 OK\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\nContent-Type: text/plain\r\n"
                       + "Server: test\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\n")
    }

    func testServerOwnsFramingHeaders() {
        let text = head(.ok, [("content-length", "99"), ("Transfer-Encoding", "gzip"), ("Connection", "x"), ("Date", "never")],
                        framing: .chunked, keepAlive: false)
        XCTAssertFalse(text.contains("99"))
        XCTAssertFalse(text.contains("gzip"))
        XCTAssertFalse(text.contains("never"))
        XCTAssertTrue(text.hasSuffix("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"))
    }

    func testApplicationServerHeaderWins() {
        XCTAssertEqual(head(.ok, [("Server", "custom")]).components(separatedBy: "Server:").count, 2)
    }

    func testStripsLineBreaksFromValues() {
        let text = head(.ok, [("X-Evil", "a\r\nSet-Cookie: b")])
        XCTAssertTrue(text.contains("X-Evil: aSet-Cookie: b\r\n"))
    }

    func testNoLengthForBodylessFraming() {
        XCTAssertFalse(head(.noContent, framing: .noBody).contains("Content-Length"))
    }

    func testDecimalAndChunkSizes() {
        for value in [0, 7, 10, 64, 12345, Int(Int32.max)] {
            var output: [UInt8] = []
            ResponseHeadWriter.appendDecimal(value, into: &output)
            XCTAssertEqual(String(decoding: output, as: UTF8.self), String(value))
            output = []
            ResponseHeadWriter.appendChunkHeader(value, into: &output)
            XCTAssertEqual(String(decoding: output, as: UTF8.self), String(value, radix: 16) + "\r\n")
        }
    }

    func testDateLineFormat() {
        XCTAssertEqual(String(decoding: HTTPDateCache.formatLine(epochSeconds: 784_111_777), as: UTF8.self),
                       "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n")
    }
}
