import XCTest
@testable import HTTPServer

/// Each rejection over a real socket: the right status, and the connection closed because the
/// stream can no longer be trusted.
final class ServerRejectionTests: XCTestCase {
    static let cases: [(name: String, request: String, status: Int)] = [
        ("malformed request line", "GET/ HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("malformed header", "GET / HTTP/1.1\r\nHost x\r\n\r\n", 400),
        ("bare LF", "GET / HTTP/1.1\nHost: x\n\n", 400),
        ("obs-fold", "GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n", 400),
        ("missing Host", "GET / HTTP/1.1\r\n\r\n", 400),
        ("Content-Length with Transfer-Encoding",
         "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("differing Content-Length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400),
        ("unsupported transfer coding", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: br\r\n\r\n", 501),
        ("target over 8 KiB", "GET /" + String(repeating: "t", count: 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        ("header section over 16 KiB", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "h", count: 17000) + "\r\n\r\n", 431),
        ("over 100 header fields", "GET / HTTP/1.1\r\nHost: x\r\n" + String(repeating: "X-F: 1\r\n", count: 101) + "\r\n", 431),
        ("body over the limit", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\nstart of a huge body", 413),
        ("unknown HTTP version", "GET / HTTP/3.0\r\nHost: x\r\n\r\n", 505),
        ("HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505),
    ]

    func testEachRejectionAnswersAndCloses() throws {
        let server = try TestServer { $0.maxBodyBytes = 1024 * 1024 }
        for testCase in Self.cases {
            let client = try server.client()
            client.send(testCase.request)
            let response = client.readResponse()
            XCTAssertEqual(response?.status, testCase.status, testCase.name)
            XCTAssertEqual(response?.header("connection"), "close", testCase.name)
            XCTAssertTrue(client.isClosedByPeer(), "\(testCase.name): connection left open")
        }
    }

    func testRejectionsCarryTheConfiguredBody() throws {
        let server = try TestServer {
            $0.rejectionBody = { status, reason in
                RejectionBody(contentType: "text/plain", bytes: Array("\(status.code) \(reason)".utf8))
            }
        }
        let client = try server.client()
        client.send("GET / HTTP/1.1\r\nHost x\r\n\r\n")
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(response.header("content-type"), "text/plain")
        XCTAssertTrue(String(decoding: response.body, as: UTF8.self).hasPrefix("400 "), "body names the status and reason")
        XCTAssertEqual(response.header("content-length"), String(response.body.count))
    }

    func testRejectionsHaveAnEmptyBodyByDefault() throws {
        let server = try TestServer()
        let client = try server.client()
        client.send("GET / HTTP/3.0\r\nHost: x\r\n\r\n")
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.status, 505)
        XCTAssertEqual(response.header("content-length"), "0")
        XCTAssertNil(response.header("content-type"))
    }

    func testRequestsBeforeAnErrorAreStillAnswered() throws {
        let server = try TestServer()
        let client = try server.client()
        client.send("GET /fine HTTP/1.1\r\nHost: x\r\n\r\nGET /bad HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.status, 200)
        XCTAssertEqual(client.readResponse()?.status, 400)
        XCTAssertTrue(client.isClosedByPeer())
    }

    func testOversizedBodyIsNotRead() throws {
        let received = ConditionLockedFlag()
        let responder = ClosureResponder { _ in received.set(); return HTTPResponse(status: .ok) }
        let server = try TestServer(configure: { $0.maxBodyBytes = 10 }, responder: responder)
        let client = try server.client()
        client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.status, 413)
        XCTAssertFalse(received.isSet, "the responder must not see a refused request")
    }
}

/// A flag set from a worker thread and read from the test.
final class ConditionLockedFlag: @unchecked Sendable {
    private let lock = ConditionLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
