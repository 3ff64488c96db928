import XCTest
@testable import HTTPServer

/// The everyday path over real sockets: keep-alive, bodies, pipelining, worker and inline.
final class ServerBasicsTests: XCTestCase {
    func testAnswersGetAndKeepsTheConnectionOpen() throws {
        let server = try TestServer()
        let client = try server.client()
        for index in 0..<3 {
            client.send("GET /hello?i=\(index) HTTP/1.1\r\nHost: test\r\n\r\n")
            let response = try XCTUnwrap(client.readResponse())
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.bodyText, "GET /hello i=\(index) body=0")
            XCTAssertEqual(response.header("connection"), "keep-alive")
            XCTAssertEqual(response.header("server"), "invoice-master")
            XCTAssertNotNil(response.header("date"))
        }
    }

    func testReadsContentLengthBodySentInPieces() throws {
        let server = try TestServer()
        let client = try server.client()
        client.send("POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\n01234")
        usleep(50_000)
        client.send("56789")
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.bodyText, "POST /upload body=10")
    }

    func testHTTP10ClosesByDefault() throws {
        let server = try TestServer()
        let client = try server.client()
        client.send("GET /old HTTP/1.0\r\n\r\n")
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("connection"), "close")
        XCTAssertTrue(client.isClosedByPeer())
    }

    func testInlineResponderAnswersOnTheIOThread() throws {
        let responder = ClosureResponder(nonBlocking: true) { request in
            HTTPResponse(status: .ok, body: Array(request.path.utf8))
        }
        let server = try TestServer(responder: responder)
        let client = try server.client()
        client.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.bodyText, "/a")
        XCTAssertEqual(client.readResponse()?.bodyText, "/b")
    }
}
