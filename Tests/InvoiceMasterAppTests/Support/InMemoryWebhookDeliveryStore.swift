import Foundation
@testable import InvoiceMasterApp

/// The delivery queue held in memory, for the sender's unit tests that run without a database.
/// The real queue (`PostgresWebhookDeliveryStore`) has its own tests against PostgreSQL.
final class InMemoryWebhookDeliveryStore: WebhookDeliveryStore, @unchecked Sendable {
    private struct Row {
        var delivery: PendingDelivery
        var dueAt: Date
        var claimedUntil: Date?
        var failed = false
    }

    private let lock = NSLock()
    private var rows: [UUID: Row] = [:]

    func enqueue(_ delivery: PendingDelivery) throws {
        lock.withLock { rows[delivery.eventID] = Row(delivery: delivery, dueAt: Date()) }
    }

    func claimDue(limit: Int, lease: Double) throws -> [PendingDelivery] {
        lock.withLock {
            let now = Date()
            let due = rows.values.filter { !$0.failed && $0.dueAt <= now && ($0.claimedUntil ?? .distantPast) < now }
                .sorted { $0.dueAt < $1.dueAt }.prefix(limit)
            for row in due { rows[row.delivery.eventID]?.claimedUntil = now.addingTimeInterval(lease) }
            return due.map(\.delivery)
        }
    }

    func markDelivered(_ eventID: UUID) throws { lock.withLock { rows[eventID] = nil } }

    func scheduleRetry(_ eventID: UUID, attempts: Int, after delay: Double, outcome: String) throws {
        lock.withLock {
            guard let row = rows[eventID] else { return }
            let delivery = PendingDelivery(eventID: eventID, documentID: row.delivery.documentID, body: row.delivery.body,
                                           attempts: attempts)
            rows[eventID] = Row(delivery: delivery, dueAt: Date().addingTimeInterval(delay))
        }
    }

    func markFailed(_ eventID: UUID, attempts: Int, outcome: String) throws {
        lock.withLock { rows[eventID]?.failed = true }
    }

    func pendingCount() throws -> Int { lock.withLock { rows.values.filter { !$0.failed }.count } }

    func purgeFailed(olderThan seconds: Double) throws {}
}
