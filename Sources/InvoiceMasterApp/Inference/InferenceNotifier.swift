import Foundation
import Postgres

/// Announces each successful inference off the request's thread: a structured log line
/// `document_id → status`, and the result POSTed to `WEBHOOK_URL` when one is set. The
/// request's response never waits for either.
public final class InferenceNotifier: Sendable {
    private let logger: AppLogger
    private let webhook: WebhookSender?
    private let queue = DispatchQueue(label: "invoice-master.inference-notifications", qos: .utility)

    /// `pool`: where webhook notifications wait for delivery (the `webhook_deliveries` table).
    public init(logger: AppLogger, settings: InferenceSettings, pool: PostgresPool) {
        self.logger = logger
        webhook = settings.webhookURL.map { url in
            WebhookSender(url: url, policy: WebhookSender.RetryPolicy(settings: settings),
                          signature: settings.webhookSecret.map(WebhookSignature.init(secret:)),
                          store: PostgresWebhookDeliveryStore(pool: pool), logger: logger)
        }
    }

    func documentInferred(_ result: InferenceResult, status: DocumentStatus) {
        queue.async { [logger, webhook] in
            let documentID = result.documentID.uuidString.lowercased()
            logger.info("document inferred", [
                ("document_id", .string(documentID)),
                ("status", .string(status.rawValue)),
                ("duplicate", .bool(result.duplicate)),
                ("fields", .number(String(result.fields.count))),
            ])
            webhook?.send(result.notificationPayload(status: status), documentID: result.documentID)
        }
    }

    /// Stops delivering webhooks (pending ones stay stored for the next start). Before the pool
    /// closes.
    public func stop() {
        queue.sync {}
        webhook?.stop()
    }

    /// Waits until queued notifications (including webhook retries) are done, or `timeout`
    /// seconds pass; true when nothing is left. For tests.
    public func waitUntilIdle(timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        queue.sync {}
        return webhook?.waitUntilIdle(deadline: deadline) ?? true
    }
}
