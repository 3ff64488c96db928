import Foundation
import XCTest
@testable import InvoiceMasterApp

/// The background notification of `POST /api/v1/infer`: a log line, and the webhook with
/// retries — never holding up the response.
final class InferenceNotificationTests: XCTestCase {
    private var server: TestServer?
    private var receiver: WebhookReceiver?

    override func tearDown() {
        server?.stop()
        receiver?.stop()
    }

    private func startServer(webhook receiver: WebhookReceiver, maxAttempts: Int = 5) throws -> TestServer {
        let server = try TestServer([
            "WEBHOOK_URL": receiver.url,
            "WEBHOOK_RETRY_DELAY_SECONDS": "0.05",
            "WEBHOOK_MAX_ATTEMPTS": String(maxAttempts),
        ])
        try server.truncate()
        self.server = server
        return server
    }

    func testWebhookIsRetriedWithBackoffUntilAccepted() throws {
        let receiver = try WebhookReceiver(statuses: [500, 503, 200], holdFirstAnswer: true)
        self.receiver = receiver
        let server = try startServer(webhook: receiver)

        let response = try InferenceUploader.multipart(InferenceTestPDFs.invoice(), port: server.port)
        // The response is back while the receiver still sits on the first delivery.
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertLessThanOrEqual(receiver.deliveries.count, 1)
        let documentID = try XCTUnwrap(response.data().objectValue?["document_id"])

        XCTAssertTrue(receiver.waitForDeliveries(1), "first attempt arrives")
        receiver.releaseFirstAnswer()
        XCTAssertTrue(receiver.waitForDeliveries(3), "retried after 500 and 503")
        XCTAssertTrue(waitForLog(server, containing: "webhook delivered"))

        let deliveries = receiver.deliveries
        XCTAssertEqual(deliveries.count, 3, "no attempt after the 200")
        XCTAssertEqual(deliveries.map { $0.header("X-Webhook-Attempt") }, ["1", "2", "3"])
        XCTAssertEqual(Set(deliveries.compactMap { $0.header("X-Webhook-Event-ID") }).count, 1, "one event, three attempts")
        XCTAssertEqual(Set(deliveries.map(\.body)).count, 1, "the same body each time")
        XCTAssertEqual(deliveries[0].header("Content-Type"), "application/json")
        let payload = try XCTUnwrap(JSONParser.parse(deliveries[0].body).objectValue)
        XCTAssertEqual(payload["event"], .string("document.inferred"))
        XCTAssertEqual(payload["document_id"], documentID)
        XCTAssertEqual(payload["status"], .string("processed"))
        XCTAssertEqual(payload["duplicate"], .bool(false))
        XCTAssertEqual(payload["result"], try response.data(), "the webhook carries the response's data")

        let logLine = try XCTUnwrap(server.log.lines.first { $0.contains("\"document inferred\"") })
        let logged = try XCTUnwrap(JSONParser.parse(logLine).objectValue)
        XCTAssertEqual(logged["document_id"], documentID)
        XCTAssertEqual(logged["status"], .string("processed"))
        XCTAssertEqual(server.log.lines.filter { $0.contains("webhook attempt failed; retrying") }.count, 2)
    }

    func testReceiverRefusalIsNotRetried() throws {
        let receiver = try WebhookReceiver(statuses: [400])
        self.receiver = receiver
        let server = try startServer(webhook: receiver)
        let response = try InferenceUploader.multipart(InferenceTestPDFs.invoice(), port: server.port)
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertTrue(waitForLog(server, containing: "webhook delivery failed"))
        XCTAssertEqual(receiver.deliveries.count, 1)
    }

    func testAttemptsStopAtTheConfiguredMaximum() throws {
        let receiver = try WebhookReceiver(statuses: [500, 500, 500, 500])
        self.receiver = receiver
        let server = try startServer(webhook: receiver, maxAttempts: 3)
        let response = try InferenceUploader.multipart(InferenceTestPDFs.invoice(), port: server.port)
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertTrue(waitForLog(server, containing: "webhook delivery failed"))
        XCTAssertEqual(receiver.deliveries.count, 3)
    }

    func testWithoutWebhookTheNotificationIsLogged() throws {
        let server = try TestServer()
        self.server = server
        try server.truncate()
        let response = try InferenceUploader.multipart(InferenceTestPDFs.invoice(), port: server.port)
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertTrue(waitForLog(server, containing: "\"document inferred\""))
        XCTAssertFalse(server.log.lines.contains { $0.contains("webhook") })
    }

    /// Polls the captured log (a liveness bound, not a speed check).
    private func waitForLog(_ server: TestServer, containing fragment: String, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if server.log.lines.contains(where: { $0.contains(fragment) }) { return true }
            usleep(20_000)
        }
        return false
    }
}
