import Foundation
import XCTest
@testable import InvoiceMasterApp

/// The sender over the real client (queue in memory): transport failures count as retryable,
/// like 5xx answers. The queue in PostgreSQL is tested in WebhookOutboxTests.
final class WebhookSenderTests: XCTestCase {
    private func sender(_ url: String, log: CapturedLog, timeout: String = "10", secret: String? = nil) throws -> WebhookSender {
        var variables = [
            "WEBHOOK_URL": url, "WEBHOOK_MAX_ATTEMPTS": "2", "WEBHOOK_RETRY_DELAY_SECONDS": "0.01",
            "WEBHOOK_TIMEOUT_SECONDS": timeout,
        ]
        variables["WEBHOOK_SECRET"] = secret
        let settings = try Settings(variables: variables).inference
        return WebhookSender(url: try XCTUnwrap(settings.webhookURL), policy: WebhookSender.RetryPolicy(settings: settings),
                             signature: settings.webhookSecret.map(WebhookSignature.init(secret:)),
                             store: InMemoryWebhookDeliveryStore(), logger: log.logger())
    }

    /// Sends one notification, waits for it to finish, and returns the log's webhook lines.
    private func deliver(with sender: WebhookSender, log: CapturedLog) -> [String] {
        defer { sender.stop() }
        sender.send(Array(#"{"event":"document.inferred"}"#.utf8), documentID: UUID())
        XCTAssertTrue(sender.waitUntilIdle(deadline: Date().addingTimeInterval(30)), "the notification finishes")
        return log.lines.filter { $0.contains("webhook") }
    }

    func testRefusedConnectionIsRetriedThenGivenUp() throws {
        let log = CapturedLog()
        let lines = deliver(with: try sender("http://127.0.0.1:\(try closedLoopbackPort())/", log: log), log: log)
        XCTAssertEqual(lines.count, 2, "\(lines)")
        XCTAssertTrue(lines.first?.contains("webhook attempt failed; retrying") == true, "\(lines)")
        XCTAssertTrue(lines.first?.contains("refused") == true, "\(lines)")
        XCTAssertTrue(lines.last?.contains("webhook delivery failed") == true, "\(lines)")
        XCTAssertTrue(lines.last?.contains(#""attempts":2"#) == true, "\(lines)")
    }

    func testTimeoutIsRetriedThenGivenUp() throws {
        let listener = try WebhookTestListener(answer: nil)
        defer { listener.stop() }
        let log = CapturedLog()
        let lines = deliver(with: try sender("http://127.0.0.1:\(listener.port)/", log: log, timeout: "0.2"), log: log)
        XCTAssertEqual(lines.count, 2, "\(lines)")
        XCTAssertTrue(lines.first?.contains("webhook attempt failed; retrying") == true, "\(lines)")
        XCTAssertTrue(lines.allSatisfy { $0.contains("timed out") }, "\(lines)")
        XCTAssertTrue(lines.last?.contains("webhook delivery failed") == true, "\(lines)")
    }

    func testUnusableURLFailsWithoutRetrying() throws {
        let log = CapturedLog()
        let lines = deliver(with: try sender("http://:secret@127.0.0.1:9/", log: log), log: log)
        XCTAssertTrue(lines.first?.contains("webhook URL unusable") == true, "\(lines)")
        XCTAssertTrue(lines.last?.contains("webhook delivery failed") == true, "\(lines)")
        XCTAssertTrue(lines.last?.contains(#""attempts":1"#) == true, "\(lines)")
        XCTAssertFalse(lines.contains { $0.contains("retrying") }, "\(lines)")
    }

    func testSignedDeliveryVerifiesWithTheSecret() throws {
        let listener = try WebhookTestListener(answer: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
        defer { listener.stop() }
        let log = CapturedLog()
        let lines = deliver(with: try sender("http://127.0.0.1:\(listener.port)/", log: log, secret: "whsec_test"), log: log)
        XCTAssertTrue(lines.last?.contains("webhook delivered") == true, "\(lines)")
        let request = try XCTUnwrap(listener.firstRequest())
        let text = String(decoding: request, as: UTF8.self)
        func header(_ name: String) -> String? {
            text.components(separatedBy: "\r\n").first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
        }
        let timestamp = try XCTUnwrap(header("X-Webhook-Timestamp"))
        let now = Int(Date().timeIntervalSince1970)
        XCTAssertLessThanOrEqual(abs(try XCTUnwrap(Int(timestamp)) - now), 60)
        // What a receiver does: HMAC the timestamp and the raw body with the shared secret.
        let body = Array(#"{"event":"document.inferred"}"#.utf8)
        XCTAssertEqual(Array(request.suffix(body.count)), body)
        let expected = SHA256Digest.hmacHex(key: Array("whsec_test".utf8), message: Array("\(timestamp).".utf8) + body)
        XCTAssertEqual(header("X-Webhook-Signature"), "sha256=" + expected)
    }
}

final class WebhookSignatureTests: XCTestCase {
    func testHMACMatchesRFC4231() {
        // RFC 4231 test case 2.
        XCTAssertEqual(SHA256Digest.hmacHex(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)),
                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    func testSignatureCoversTimestampAndBody() {
        let signature = WebhookSignature(secret: "k")
        let body = Array("{}".utf8)
        let first = signature.headers(for: body, timestamp: 1_700_000_000)
        XCTAssertEqual(first.map(\.name), ["X-Webhook-Timestamp", "X-Webhook-Signature"])
        XCTAssertEqual(first[0].value, "1700000000")
        XCTAssertEqual(first[1].value, "sha256=" + SHA256Digest.hmacHex(key: Array("k".utf8), message: Array("1700000000.{}".utf8)))
        XCTAssertNotEqual(signature.headers(for: body, timestamp: 1_700_000_001)[1].value, first[1].value)
        XCTAssertNotEqual(signature.headers(for: Array("{ }".utf8), timestamp: 1_700_000_000)[1].value, first[1].value)
    }
}
