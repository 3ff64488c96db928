#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import HTTPServer

/// Pipelining, HEAD and streamed responses over real sockets.
final class ServerResponseTests: XCTestCase {
    func testPipelinedRequestsAreAnsweredInOrder() throws {
        let server = try TestServer()
        let client = try server.client()
        // The first one is slow on its worker; the others must still come back after it.
        client.send("GET /slow?ms=150 HTTP/1.1\r\nHost: x\r\n\r\nGET /second HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /third HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
        XCTAssertEqual(client.readResponse()?.bodyText, "GET /slow ms=150 body=0")
        XCTAssertEqual(client.readResponse()?.bodyText, "GET /second body=0")
        XCTAssertEqual(client.readResponse()?.bodyText, "POST /third body=3")
    }

    func testRequestsArrivingWhileAWorkerIsBusyWaitTheirTurn() throws {
        let server = try TestServer()
        let client = try server.client()
        client.send("GET /slow?ms=200 HTTP/1.1\r\nHost: x\r\n\r\n")
        usleep(50_000)
        client.send("GET /next HTTP/1.1\r\nHost: x\r\n\r\nGET /last HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.bodyText, "GET /slow ms=200 body=0")
        XCTAssertEqual(client.readResponse()?.bodyText, "GET /next body=0")
        XCTAssertEqual(client.readResponse()?.bodyText, "GET /last body=0")
    }

    func testHalfClosedClientStillGetsItsResponse() throws {
        let server = try TestServer()
        let client = try server.client()
        client.send("GET /slow?ms=100 HTTP/1.1\r\nHost: x\r\n\r\n")
        client.shutdownWrite()
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.bodyText, "GET /slow ms=100 body=0")
        XCTAssertEqual(response.header("connection"), "close")
        XCTAssertTrue(client.isClosedByPeer())
    }

    func testPipelinedRequestsResumeAfterOutputBackpressure() throws {
        let server = try TestServer()
        let client = try server.client()
        // Each answer is over the server's output high-water mark, so it stops taking requests
        // until the client reads; it must pick the queued ones up again by itself.
        client.send(String(repeating: "GET /big?n=2000000 HTTP/1.1\r\nHost: x\r\n\r\n", count: 3))
        usleep(200_000)
        for index in 0..<3 {
            XCTAssertEqual(client.readResponse()?.body.count, 2_000_000, "response \(index)")
        }
    }

    func testHeadSendsLengthButNoBody() throws {
        let server = try TestServer()
        let client = try server.client()
        client.send("HEAD /thing HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n")
        let head = try XCTUnwrap(client.readResponse(isHead: true))
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.header("content-length"), String("HEAD /thing body=0".utf8.count))
        // Had a body been sent, it would be read as the next response's status line.
        XCTAssertEqual(client.readResponse()?.bodyText, "GET /after body=0")
    }

    func testStreamedResponseUsesChunkedEncoding() throws {
        let server = try TestServer()
        let client = try server.client()
        client.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.header("transfer-encoding"), "chunked")
        XCTAssertNil(response.header("content-length"))
        XCTAssertEqual(response.bodyText, "part0;part1;part2;")
        client.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.bodyText, "GET /again body=0")
    }

    func testStreamingWorkerWaitsForASlowClient() throws {
        let produced = ProducedBytes()
        let chunk = [UInt8](repeating: UInt8(ascii: "s"), count: 64 * 1024)
        let total = 32 * 1024 * 1024
        let responder = ClosureResponder { _ in
            HTTPResponse(status: .ok, body: .stream { write in
                for _ in 0..<(total / chunk.count) {
                    write(chunk)
                    produced.add(chunk.count)
                }
            })
        }
        let server = try TestServer(responder: responder)
        let client = try RawClient(port: server.port, receiveBuffer: 64 * 1024)
        client.send("GET /download HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        usleep(300_000)  // not reading: socket buffers fill (a few MB), then the producer must wait
        XCTAssertLessThan(produced.value, total / 2, "the producer ran ahead of the client")
        let response = try XCTUnwrap(ParsedResponse.parse(client.readToEnd(), isHead: false)?.0)
        XCTAssertEqual(response.body.count, total)
        XCTAssertEqual(produced.value, total)
    }

    func testStreamedResponseToHTTP10RunsUntilClose() throws {
        let server = try TestServer()
        let client = try server.client()
        client.send("GET /stream HTTP/1.0\r\n\r\n")
        let text = String(decoding: client.readToEnd(), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        XCTAssertFalse(text.contains("chunked"))
        XCTAssertTrue(text.hasSuffix("\r\n\r\npart0;part1;part2;"))
    }

    func testLargeResponseSurvivesPartialWrites() throws {
        let server = try TestServer()
        let client = try server.client()
        client.send("GET /big?n=8000000 HTTP/1.1\r\nHost: x\r\n\r\n")
        usleep(200_000)  // let the socket buffers fill so the server meets EAGAIN
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.body.count, 8_000_000)
        XCTAssertTrue(response.body.allSatisfy { $0 == UInt8(ascii: "x") })
    }

    func testResponseConnectionCloseIsHonoured() throws {
        let responder = ClosureResponder { _ in HTTPResponse(status: .ok, headers: HTTPHeaders([("Connection", "close")])) }
        let server = try TestServer(responder: responder)
        let client = try server.client()
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.header("connection"), "close")
        XCTAssertTrue(client.isClosedByPeer())
    }

    func testRemoteAddressIsThePeer() throws {
        let responder = ClosureResponder { request in HTTPResponse(status: .ok, body: Array(request.remoteAddress.utf8)) }
        let server = try TestServer(responder: responder)
        let client = try server.client()
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.bodyText, "127.0.0.1")
    }
}

/// A byte count shared between a worker and the test.
final class ProducedBytes: @unchecked Sendable {
    private let lock = ConditionLock()
    private var count = 0
    func add(_ bytes: Int) { lock.withLock { count += bytes } }
    var value: Int { lock.withLock { count } }
}
