#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import HTTPServer

/// Timeouts, limits, resets and shutdown over real sockets.
final class ServerLifecycleTests: XCTestCase {
    func testSlowHeaderGets408AndIsClosed() throws {
        let server = try TestServer { $0.headerReadTimeout = 0.3 }
        let client = try server.client()
        client.send("GET / HTTP/1.1\r\nHost: x\r\n")  // never finished
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.status, 408)
        XCTAssertTrue(client.isClosedByPeer())
    }

    func testHeaderTimeoutIsNotExtendedByTrickling() throws {
        let server = try TestServer { $0.headerReadTimeout = 0.4 }
        let client = try server.client()
        let start = DispatchTime.now()
        for byte in "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ".utf8 {
            client.send([byte])
            usleep(20_000)
            if DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds > 2_000_000_000 { break }
        }
        XCTAssertEqual(client.readResponse()?.status, 408)
    }

    func testSlowBodyGets408() throws {
        let server = try TestServer { $0.bodyReadTimeout = 0.3 }
        let client = try server.client()
        client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
        XCTAssertEqual(client.readResponse()?.status, 408)
        XCTAssertTrue(client.isClosedByPeer())
    }

    func testIdleKeepAliveConnectionIsClosedQuietly() throws {
        let server = try TestServer { $0.keepAliveTimeout = 0.3 }
        let client = try server.client()
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.status, 200)
        XCTAssertTrue(client.isClosedByPeer())
        XCTAssertTrue(client.readToEnd().isEmpty, "no 408 for an idle connection")
    }

    func testEachResponseRestartsTheKeepAliveWait() throws {
        // Found by scripts/bench-http: the wait armed at accept was never renewed, so busy
        // connections were cut when it ran out.
        let inline = ClosureResponder(nonBlocking: true) { _ in HTTPResponse(status: .ok) }
        let server = try TestServer(configure: { $0.headerReadTimeout = 0.3; $0.keepAliveTimeout = 2 }, responder: inline)
        let client = try server.client()
        for index in 0..<5 {
            client.send("GET /\(index) HTTP/1.1\r\nHost: x\r\n\r\n")
            XCTAssertEqual(client.readResponse()?.status, 200, "request \(index)")
            usleep(150_000)
        }
    }

    func testConnectionsOverTheCapAreRefusedWith503() throws {
        let server = try TestServer { $0.maxConnections = 2; $0.ioThreads = 1 }
        var first: RawClient? = try server.client()
        let second = try server.client()
        first?.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        second.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(first?.readResponse()?.status, 200)
        XCTAssertEqual(second.readResponse()?.status, 200)
        let third = try server.client()
        XCTAssertEqual(third.readResponse()?.status, 503)
        XCTAssertTrue(third.isClosedByPeer())
        // The admitted ones are unaffected, and a freed slot is usable again.
        first?.send("GET /still HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        XCTAssertEqual(first?.readResponse()?.status, 200)
        XCTAssertEqual(first?.isClosedByPeer(), true)
        first = nil
        usleep(100_000)
        let fourth = try server.client()
        fourth.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(fourth.readResponse()?.status, 200)
    }

    func testClientResetMidResponseLeaksNothing() throws {
        let server = try TestServer()
        let baseline = openDescriptorCount()
        for _ in 0..<5 {
            let client = try server.client()
            client.send("GET /big?n=20000000 HTTP/1.1\r\nHost: x\r\n\r\n")
            var buffer = [UInt8](repeating: 0, count: 1000)
            XCTAssertGreaterThan(recv(client.fd, &buffer, buffer.count, 0), 0)
            client.reset()
        }
        // The server notices each reset on its next write and closes its side.
        var remaining = openDescriptorCount() - baseline
        for _ in 0..<100 where remaining > 5 {
            usleep(20_000)
            remaining = openDescriptorCount() - baseline
        }
        XCTAssertLessThanOrEqual(remaining, 5, "only the test's own client sockets may remain")
        let client = try server.client()
        client.send("GET /alive HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.status, 200)
    }

    func testGracefulShutdownFinishesTheRequestInFlight() throws {
        let server = try TestServer()
        let busy = try server.client()
        let idle = try server.client()
        idle.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(idle.readResponse()?.status, 200)
        busy.send("GET /slow?ms=400 HTTP/1.1\r\nHost: x\r\n\r\n")
        usleep(100_000)
        server.server.shutdown()
        XCTAssertTrue(idle.isClosedByPeer(), "idle keep-alive connections close at once")
        let response = try XCTUnwrap(busy.readResponse())
        XCTAssertEqual(response.bodyText, "GET /slow ms=400 body=0")
        XCTAssertEqual(response.header("connection"), "close")
        XCTAssertTrue(busy.isClosedByPeer())
        server.server.waitUntilStopped()
        XCTAssertThrowsError(try RawClient(port: server.port), "no longer accepting")
    }

    func testShutdownGivesUpAfterTheGracePeriod() throws {
        let server = try TestServer { $0.shutdownGracePeriod = 0.2 }
        let client = try server.client()
        client.send("GET /slow?ms=1500 HTTP/1.1\r\nHost: x\r\n\r\n")
        usleep(50_000)
        server.server.shutdown()
        XCTAssertTrue(client.isClosedByPeer())
        XCTAssertNil(client.readResponse())
    }

    func testBindFailureIsReported() throws {
        let first = try TestServer()
        var configuration = HTTPServerConfiguration()
        configuration.port = first.port
        let second = HTTPServer(configuration: configuration, responder: EchoResponder())
        XCTAssertThrowsError(try second.start()) { error in
            guard case .bindFailed(_, let port, let code) = error as? HTTPServerError else { return XCTFail("\(error)") }
            XCTAssertEqual(port, first.port)
            XCTAssertEqual(code, EADDRINUSE)
            XCTAssertTrue("\(error)".contains("HTTP_PORT"))
        }
    }

    func testInvalidHostIsReported() {
        var configuration = HTTPServerConfiguration()
        configuration.host = "not an address"
        XCTAssertThrowsError(try HTTPServer(configuration: configuration, responder: EchoResponder()).start()) {
            XCTAssertEqual($0 as? HTTPServerError, .invalidAddress("not an address"))
        }
    }

    func testServesIPv6() throws {
        let server: TestServer
        do {
            server = try TestServer { $0.host = "::1" }
        } catch {
            throw XCTSkip("no IPv6 loopback here: \(error)")
        }
        let client = try RawClient(port: server.port, host: "::1")
        client.send("GET / HTTP/1.1\r\nHost: [::1]\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.status, 200)
    }

    private func openDescriptorCount() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }
}
