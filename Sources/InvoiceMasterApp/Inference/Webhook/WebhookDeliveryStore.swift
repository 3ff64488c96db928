import Foundation

/// A webhook notification waiting for delivery.
struct PendingDelivery: Equatable, Sendable {
    /// `X-Webhook-Event-ID`: the same on every attempt, so receivers can drop repeats.
    let eventID: UUID
    let documentID: UUID
    /// The exact bytes POSTed.
    let body: [UInt8]
    /// Attempts made so far.
    let attempts: Int
}

/// Where notifications wait until they are delivered or given up: it outlives the process and
/// is shared by every server on one database (`PostgresWebhookDeliveryStore`).
protocol WebhookDeliveryStore: Sendable {
    func enqueue(_ delivery: PendingDelivery) throws
    /// At most `limit` deliveries that are due and not claimed by anyone, each now claimed for
    /// `lease` seconds (after which another dispatcher may take it, e.g. when this one died).
    func claimDue(limit: Int, lease: Double) throws -> [PendingDelivery]
    func markDelivered(_ eventID: UUID) throws
    func scheduleRetry(_ eventID: UUID, attempts: Int, after delay: Double, outcome: String) throws
    func markFailed(_ eventID: UUID, attempts: Int, outcome: String) throws
    /// Deliveries neither delivered nor given up.
    func pendingCount() throws -> Int
    /// Forgets deliveries given up more than `seconds` ago.
    func purgeFailed(olderThan seconds: Double) throws
}
