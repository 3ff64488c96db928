import Foundation
import XCTest
@testable import InvoiceMasterApp

/// The sender over the real client: transport failures count as retryable, like 5xx answers.
final class WebhookSenderTests: XCTestCase {
    private func sender(_ url: String, log: CapturedLog, timeout: String = "10") throws -> WebhookSender {
        let settings = try Settings(variables: [
            "WEBHOOK_URL": url, "WEBHOOK_MAX_ATTEMPTS": "2", "WEBHOOK_RETRY_DELAY_SECONDS": "0.01",
            "WEBHOOK_TIMEOUT_SECONDS": timeout,
        ]).inference
        return WebhookSender(url: try XCTUnwrap(settings.webhookURL), policy: WebhookSender.RetryPolicy(settings: settings),
                             logger: log.logger())
    }

    /// Sends one notification, waits for it to finish, and returns the log's webhook lines.
    private func deliver(with sender: WebhookSender, log: CapturedLog) -> [String] {
        sender.send(Array(#"{"event":"document.inferred"}"#.utf8), documentID: "doc-1")
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
        let lines = deliver(with: try sender("http://user:secret@127.0.0.1:9/", log: log), log: log)
        XCTAssertTrue(lines.first?.contains("webhook URL unusable") == true, "\(lines)")
        XCTAssertTrue(lines.last?.contains("webhook delivery failed") == true, "\(lines)")
        XCTAssertTrue(lines.last?.contains(#""attempts":1"#) == true, "\(lines)")
        XCTAssertFalse(lines.contains { $0.contains("retrying") }, "\(lines)")
    }
}
