import Foundation
import Postgres
import XCTest
@testable import InvoiceMasterApp

/// The webhook queue in PostgreSQL: deliveries survive a restart, servers sharing a database
/// deliver each notification once, and deliveries given up stay for inspection.
final class WebhookOutboxTests: XCTestCase {
    private var server: TestServer?
    private var receivers: [WebhookReceiver] = []
    private var senders: [WebhookSender] = []

    override func tearDown() {
        senders.forEach { $0.stop() }
        receivers.forEach { $0.stop() }
        server?.stop()
    }

    /// A migrated, empty test database (the server itself sends no webhooks).
    private func database() throws -> PostgresPool {
        let server = try TestServer()
        try server.truncate()
        self.server = server
        return server.pool
    }

    private func sender(_ url: String, pool: PostgresPool, retryDelay: String = "0.05", maxAttempts: String = "5",
                        log: CapturedLog = CapturedLog()) throws -> WebhookSender {
        let settings = try Settings(variables: [
            "WEBHOOK_URL": url, "WEBHOOK_RETRY_DELAY_SECONDS": retryDelay, "WEBHOOK_MAX_ATTEMPTS": maxAttempts,
            "WEBHOOK_TIMEOUT_SECONDS": "5",
        ]).inference
        let sender = WebhookSender(url: try XCTUnwrap(settings.webhookURL), policy: WebhookSender.RetryPolicy(settings: settings),
                                   store: PostgresWebhookDeliveryStore(pool: pool), logger: log.logger())
        senders.append(sender)
        return sender
    }

    private func receiver(statuses: [Int] = []) throws -> WebhookReceiver {
        let receiver = try WebhookReceiver(statuses: statuses)
        receivers.append(receiver)
        return receiver
    }

    private func row(_ pool: PostgresPool) throws -> (attempts: Int, failed: Bool, outcome: String?)? {
        try pool.withConnection { connection in
            try connection.query("SELECT attempts, failed_at IS NOT NULL, last_outcome FROM webhook_deliveries").first.map {
                (try $0.int(0), try $0.bool(1), try $0.optionalString(2))
            }
        }
    }

    func testPendingDeliverySurvivesARestartAndKeepsItsEventID() throws {
        let pool = try database()
        // The first server meets a closed port, schedules a retry, and goes away before it is due.
        let first = try sender("http://127.0.0.1:\(try closedLoopbackPort())/hook", pool: pool, retryDelay: "0.5")
        first.send(Array(#"{"n":1}"#.utf8), documentID: UUID())
        XCTAssertTrue(waitUntil { (try? self.row(pool))??.attempts == 1 }, "the first attempt failed and was recorded")
        first.stop()
        XCTAssertEqual(try row(pool)?.failed, false)

        // The next server (same database, receiver now up) delivers it: attempt 2, same event.
        let receiver = try receiver()
        let second = try sender(receiver.url, pool: pool)
        XCTAssertTrue(second.waitUntilIdle(deadline: Date().addingTimeInterval(30)))
        XCTAssertEqual(receiver.deliveries.count, 1)
        XCTAssertEqual(receiver.deliveries.first?.header("X-Webhook-Attempt"), "2")
        XCTAssertEqual(receiver.deliveries.first?.body, Array(#"{"n":1}"#.utf8))
        XCTAssertNil(try row(pool), "delivered rows are deleted")
    }

    func testServersSharingTheQueueDeliverEachNotificationOnce() throws {
        let pool = try database()
        let receiver = try receiver()
        let store = PostgresWebhookDeliveryStore(pool: pool)
        for index in 0..<40 {
            try store.enqueue(PendingDelivery(eventID: UUID(), documentID: UUID(), body: Array("{\"n\":\(index)}".utf8), attempts: 0))
        }
        let one = try sender(receiver.url, pool: pool)
        let two = try sender(receiver.url, pool: pool)
        XCTAssertTrue(one.waitUntilIdle(deadline: Date().addingTimeInterval(60)))
        XCTAssertTrue(two.waitUntilIdle(deadline: Date().addingTimeInterval(60)))
        let deliveries = receiver.deliveries
        XCTAssertEqual(deliveries.count, 40, "no notification sent twice or lost")
        XCTAssertEqual(Set(deliveries.compactMap { $0.header("X-Webhook-Event-ID") }).count, 40)
        XCTAssertEqual(try store.pendingCount(), 0)
    }

    func testGivenUpDeliveryStaysWithItsOutcome() throws {
        let pool = try database()
        let receiver = try receiver(statuses: [422])
        let log = CapturedLog()
        let sender = try sender(receiver.url, pool: pool, log: log)
        sender.send(Array("{}".utf8), documentID: UUID())
        XCTAssertTrue(sender.waitUntilIdle(deadline: Date().addingTimeInterval(30)))
        let row = try XCTUnwrap(try row(pool))
        XCTAssertEqual(row.attempts, 1)
        XCTAssertTrue(row.failed)
        XCTAssertEqual(row.outcome, "HTTP 422")
        XCTAssertTrue(log.lines.contains { $0.contains("webhook delivery failed") })
    }

    func testClaimedDeliveryIsNotClaimedAgainUntilItsLeaseEnds() throws {
        let pool = try database()
        let store = PostgresWebhookDeliveryStore(pool: pool)
        let delivery = PendingDelivery(eventID: UUID(), documentID: UUID(), body: [], attempts: 0)
        try store.enqueue(delivery)
        XCTAssertEqual(try store.claimDue(limit: 10, lease: 0.3), [delivery])
        XCTAssertEqual(try store.claimDue(limit: 10, lease: 0.3), [], "leased to the first claimer")
        XCTAssertTrue(waitUntil { (try? store.claimDue(limit: 10, lease: 30)) == [delivery] }, "free again once the lease ends")
    }

    /// Polls `condition` (a liveness bound, not a speed check).
    private func waitUntil(seconds: Double = 30, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return false
    }
}
