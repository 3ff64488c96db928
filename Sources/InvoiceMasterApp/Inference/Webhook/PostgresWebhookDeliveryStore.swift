import Foundation
import Postgres

/// `WebhookDeliveryStore` on the `webhook_deliveries` table (migrations/0002).
struct PostgresWebhookDeliveryStore: WebhookDeliveryStore {
    let pool: PostgresPool

    func enqueue(_ delivery: PendingDelivery) throws {
        _ = try pool.withConnection { connection in
            try connection.query("""
                INSERT INTO webhook_deliveries (event_id, document_id, body, attempts) VALUES ($1, $2, $3, $4)
                """, [.uuid(delivery.eventID), .uuid(delivery.documentID), .bytea(delivery.body), .int(delivery.attempts)])
        }
    }

    func claimDue(limit: Int, lease: Double) throws -> [PendingDelivery] {
        // One statement: rows another server holds locked are skipped, not waited for.
        try pool.withConnection { connection in
            try connection.query("""
                UPDATE webhook_deliveries SET claimed_until = now() + make_interval(secs => $2)
                WHERE event_id IN (
                    SELECT event_id FROM webhook_deliveries
                    WHERE failed_at IS NULL AND next_attempt_at <= now()
                      AND (claimed_until IS NULL OR claimed_until < now())
                    ORDER BY next_attempt_at
                    LIMIT $1
                    FOR UPDATE SKIP LOCKED)
                RETURNING event_id, document_id, body, attempts
                """, [.int(limit), .double(lease)]).map { row in
                PendingDelivery(eventID: try row.uuid(0), documentID: try row.uuid(1), body: try row.bytes(2),
                                attempts: try row.int(3))
            }
        }
    }

    func markDelivered(_ eventID: UUID) throws {
        _ = try pool.withConnection { try $0.query("DELETE FROM webhook_deliveries WHERE event_id = $1", [.uuid(eventID)]) }
    }

    func scheduleRetry(_ eventID: UUID, attempts: Int, after delay: Double, outcome: String) throws {
        _ = try pool.withConnection { connection in
            try connection.query("""
                UPDATE webhook_deliveries
                SET attempts = $2, next_attempt_at = now() + make_interval(secs => $3), claimed_until = NULL,
                    last_outcome = $4
                WHERE event_id = $1
                """, [.uuid(eventID), .int(attempts), .double(delay), .text(outcome)])
        }
    }

    func markFailed(_ eventID: UUID, attempts: Int, outcome: String) throws {
        _ = try pool.withConnection { connection in
            try connection.query("""
                UPDATE webhook_deliveries SET attempts = $2, failed_at = now(), claimed_until = NULL, last_outcome = $3
                WHERE event_id = $1
                """, [.uuid(eventID), .int(attempts), .text(outcome)])
        }
    }

    func pendingCount() throws -> Int {
        try pool.withConnection { connection in
            try connection.query("SELECT count(*) FROM webhook_deliveries WHERE failed_at IS NULL")[0].int(0)
        }
    }

    func purgeFailed(olderThan seconds: Double) throws {
        _ = try pool.withConnection { connection in
            try connection.query("DELETE FROM webhook_deliveries WHERE failed_at < now() - make_interval(secs => $1)",
                                 [.double(seconds)])
        }
    }
}
