import Foundation
import XCTest
@testable import InvoiceMasterApp

final class WebhookHTTPClientTests: XCTestCase {
    private func client(_ url: String, timeout: Double = 10) throws -> WebhookHTTPClient {
        WebhookHTTPClient(endpoint: try WebhookEndpoint(parsing: url), timeout: timeout)
    }

    func testSendsExactlyTheExpectedRequest() throws {
        let listener = try WebhookTestListener(answer: "HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nok")
        defer { listener.stop() }
        let body = Array(#"{"event":"document.inferred","name":"Müller"}"#.utf8)
        let status = try client("http://127.0.0.1:\(listener.port)/hooks/in?token=a%2Fb").post(
            body, headers: [("X-Webhook-Event-ID", "e-1"), ("X-Webhook-Attempt", "2")])
        XCTAssertEqual(status, 202)
        let expected = "POST /hooks/in?token=a%2Fb HTTP/1.1\r\n"
            + "Host: 127.0.0.1:\(listener.port)\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: \(body.count)\r\n"
            + "Connection: close\r\n"
            + "X-Webhook-Event-ID: e-1\r\n"
            + "X-Webhook-Attempt: 2\r\n"
            + "\r\n"
        XCTAssertEqual(listener.firstRequest(), Array(expected.utf8) + body)
    }

    func testUserInfoIsSentAsBasicAuthorization() throws {
        let listener = try WebhookTestListener(answer: "HTTP/1.1 204 No Content\r\n\r\n")
        defer { listener.stop() }
        XCTAssertEqual(try client("http://hooks:pa%24%24@127.0.0.1:\(listener.port)/in").post([], headers: []), 204)
        let request = String(decoding: try XCTUnwrap(listener.firstRequest()), as: UTF8.self)
        XCTAssertTrue(request.contains("\r\nAuthorization: Basic aG9va3M6cGEkJA==\r\n"), request)  // hooks:pa$$
        XCTAssertTrue(request.contains("\r\nHost: 127.0.0.1:\(listener.port)\r\n"), request)
    }

    func testReachesAnIPv6LiteralWithABracketedHostHeader() throws {
        let listener: WebhookTestListener
        do { listener = try WebhookTestListener(loopback: "::1", answer: "HTTP/1.1 204 No Content\r\n\r\n") } catch {
            throw XCTSkip("no IPv6 loopback here")
        }
        defer { listener.stop() }
        XCTAssertEqual(try client("http://[::1]:\(listener.port)").post([], headers: []), 204)
        let request = String(decoding: try XCTUnwrap(listener.firstRequest()), as: UTF8.self)
        XCTAssertTrue(request.hasPrefix("POST / HTTP/1.1\r\nHost: [::1]:\(listener.port)\r\n"), request)
    }

    func testReportsTheStatusOfTheFinalAnswer() throws {
        let answers: [(raw: String, status: Int)] = [
            ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n", 503),
            ("HTTP/1.0 404 Not Found\r\n\r\nbody until close", 404),
            ("HTTP/1.1 429 \r\nRetry-After: 1\r\n\r\n", 429),
        ]
        for answer in answers {
            let listener = try WebhookTestListener(answer: answer.raw)
            defer { listener.stop() }
            XCTAssertEqual(try client("http://127.0.0.1:\(listener.port)/").post([1], headers: []), answer.status, answer.raw)
        }
    }

    func testMalformedAndMissingAnswersAreTransportErrors() throws {
        for raw in ["", "SSH-2.0-OpenSSH_9.2\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 200 OK\r\n"] {
            let listener = try WebhookTestListener(answer: raw)
            defer { listener.stop() }
            XCTAssertThrowsError(try client("http://127.0.0.1:\(listener.port)/").post([], headers: []), raw) { error in
                XCTAssertEqual((error as? WebhookTransportError)?.kind, .response, "\(raw): \(error)")
            }
        }
    }

    func testRefusedConnectionIsAConnectError() throws {
        let port = try closedLoopbackPort()
        XCTAssertThrowsError(try client("http://127.0.0.1:\(port)/").post([], headers: [])) { error in
            XCTAssertEqual((error as? WebhookTransportError)?.kind, .connect, "\(error)")
            XCTAssertTrue("\(error)".contains("refused"), "\(error)")
        }
    }

    func testSilentReceiverTimesOut() throws {
        let listener = try WebhookTestListener(answer: nil)
        defer { listener.stop() }
        XCTAssertThrowsError(try client("http://127.0.0.1:\(listener.port)/", timeout: 0.3).post([], headers: [])) { error in
            XCTAssertEqual((error as? WebhookTransportError)?.kind, .timeout, "\(error)")
        }
    }

    func testUnresolvableHostIsAResolveError() throws {
        XCTAssertThrowsError(try client("http://no-such-host.invalid/").post([], headers: [])) { error in
            XCTAssertEqual((error as? WebhookTransportError)?.kind, .resolve, "\(error)")
        }
    }
}
