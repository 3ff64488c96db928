import XCTest
@testable import HTTPServer

/// Request bodies over real sockets: chunked uploads and 100-continue.
final class ServerUploadTests: XCTestCase {
    func testChunkedUploadWithTrailers() throws {
        let server = try TestServer()
        let client = try server.client()
        client.send("POST /up HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n")
        usleep(50_000)
        client.send("3\r\nefg\r\n0\r\nX-Digest: 7\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.bodyText, "POST /up body=7 trailers=X-Digest:7")
    }

    func testExpectContinueGetsInterimResponseBeforeTheBody() throws {
        let server = try TestServer()
        let client = try server.client()
        client.send("PUT /file HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
        let interim = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(interim.status, 100)
        client.send("data")
        let final = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(final.status, 200)
        XCTAssertEqual(final.bodyText, "PUT /file body=4")
    }

    func testExpectContinueOverTheLimitIsRefusedWithoutInterim() throws {
        let server = try TestServer { $0.maxBodyBytes = 100 }
        let client = try server.client()
        client.send("PUT /file HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.status, 413)
        XCTAssertTrue(client.isClosedByPeer())
    }

    func testLargeBodyArrivesWhole() throws {
        let server = try TestServer()
        let client = try server.client()
        let size = 3_000_000
        client.send("POST /big-upload HTTP/1.1\r\nHost: x\r\nContent-Length: \(size)\r\n\r\n")
        client.send([UInt8](repeating: 7, count: size))
        XCTAssertEqual(client.readResponse()?.bodyText, "POST /big-upload body=\(size)")
    }
}
