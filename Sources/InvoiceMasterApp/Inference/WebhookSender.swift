import Foundation

/// Delivers webhook notifications from a durable queue with retries and capped exponential
/// backoff.
///
/// A notification is stored (`WebhookDeliveryStore`: the `webhook_deliveries` table) before its
/// first attempt, so neither a restart nor a crash during the retries loses it: whichever server
/// runs next picks the pending rows up. Each attempt claims its row with a lease, so several
/// servers on one database share the work; only a server dying mid-attempt can make a delivery
/// repeat (after the lease), and receivers drop repeats by `X-Webhook-Event-ID`.
///
/// An attempt succeeds on any 2xx. Network errors, timeouts, 408, 429 and 5xx are retried after
/// `initialDelay`, doubling up to `maxDelay`, at most `maxAttempts` times in all; other 4xx
/// answers mean the receiver refuses the body, so retrying would not help. Deliveries given up
/// stay in the table (`failed_at`, `last_outcome`) for 30 days.
///
/// One dispatcher thread claims due deliveries; it wakes when a notification is queued, when a
/// retry it scheduled falls due, and every `pollInterval` otherwise (rows left by other servers
/// or an earlier run). Attempts block for up to the timeout, so they run on a few delivery lanes
/// of their own, at most `maxInFlight` at a time.
final class WebhookSender: @unchecked Sendable {
    struct RetryPolicy: Sendable {
        var maxAttempts: Int
        var initialDelay: Double
        var maxDelay: Double
        var timeout: Double

        init(settings: InferenceSettings) {
            maxAttempts = settings.webhookMaxAttempts
            initialDelay = settings.webhookRetryDelaySeconds
            maxDelay = settings.webhookMaxRetryDelaySeconds
            timeout = settings.webhookTimeoutSeconds
        }

        /// Wait before attempt `attempt + 1`.
        func delay(after attempt: Int) -> Double {
            min(maxDelay, initialDelay * pow(2, Double(min(attempt - 1, 30))))
        }
    }

    let url: URL
    let policy: RetryPolicy
    private let signature: WebhookSignature?
    private let store: WebhookDeliveryStore
    private let logger: AppLogger
    /// The client, or why the client cannot use the URL (settings check only scheme and host).
    private let client: Result<WebhookHTTPClient, WebhookEndpointError>
    /// Deliveries block while they wait for the receiver; a few lanes keep one slow receiver
    /// answer from holding up the rest without a thread per pending notification.
    private let lanes = (0..<4).map { DispatchQueue(label: "invoice-master.webhook-delivery-\($0)") }
    static let maxInFlight = 16
    static let pollInterval = 1.0
    static let failedRetentionSeconds = 30.0 * 86_400

    private let state = NSCondition()
    // Guarded by `state`.
    private var inFlight = 0
    private var laneCounter = 0
    /// When the dispatcher looks for due deliveries next.
    private var nextClaim = Date.distantPast
    private var nextPurge = Date.distantPast
    private var stopped = false

    init(url: URL, policy: RetryPolicy, signature: WebhookSignature? = nil, store: WebhookDeliveryStore,
         logger: AppLogger) {
        self.url = url
        self.policy = policy
        self.signature = signature
        self.store = store
        self.logger = logger
        do {
            client = .success(WebhookHTTPClient(endpoint: try WebhookEndpoint(parsing: url.absoluteString), timeout: policy.timeout))
        } catch {
            client = .failure(error)
            logger.error("webhook URL unusable; notifications will fail", [("reason", .string(error.reason))])
        }
        let thread = Thread { [self] in dispatch() }
        thread.name = "webhook-dispatcher"
        thread.start()
    }

    /// Stores one notification for delivery; the first attempt follows at once.
    func send(_ body: [UInt8], documentID: UUID) {
        do {
            try store.enqueue(PendingDelivery(eventID: UUID(), documentID: documentID, body: body, attempts: 0))
        } catch {
            logger.error("webhook notification not queued", [
                ("document_id", .string(documentID.uuidString.lowercased())), ("error", .string(String(describing: error))),
            ])
            return
        }
        wake(at: Date())
    }

    /// Ends the dispatcher and waits up to `grace` seconds for attempts under way, so their
    /// outcome is recorded while the database is still there. (One still running afterwards is
    /// tried again by the next server once its lease ends.)
    func stop(grace: Double = 2) {
        let deadline = Date().addingTimeInterval(grace)
        state.lock()
        stopped = true
        state.broadcast()
        while inFlight > 0 && state.wait(until: deadline) {}
        state.unlock()
    }

    /// True once nothing is pending or in flight, false if `deadline` comes first. For shutdown
    /// and tests.
    func waitUntilIdle(deadline: Date) -> Bool {
        while true {
            state.lock()
            let busy = inFlight > 0
            state.unlock()
            if !busy, (try? store.pendingCount()) == 0 { return true }
            if Date() >= deadline { return false }
            usleep(20_000)
        }
    }

    // MARK: Dispatching

    private func wake(at date: Date) {
        state.lock()
        if date < nextClaim {
            nextClaim = date
            state.broadcast()
        }
        state.unlock()
    }

    private func dispatch() {
        // A lease outlives any attempt (timeout), with room for the row's update afterwards.
        let lease = policy.timeout + 30
        while true {
            state.lock()
            while !stopped && (inFlight >= Self.maxInFlight || Date() < nextClaim) {
                if inFlight >= Self.maxInFlight { state.wait() } else { _ = state.wait(until: nextClaim) }
            }
            if stopped {
                state.unlock()
                return
            }
            let capacity = Self.maxInFlight - inFlight
            nextClaim = Date().addingTimeInterval(Self.pollInterval)
            let purgeNow = Date() >= nextPurge
            if purgeNow { nextPurge = Date().addingTimeInterval(3600) }
            state.unlock()

            do {
                if purgeNow { try store.purgeFailed(olderThan: Self.failedRetentionSeconds) }
                let claimed = try store.claimDue(limit: capacity, lease: lease)
                // A full batch: more may be due at once.
                if claimed.count == capacity { wake(at: Date()) }
                for delivery in claimed { start(delivery) }
            } catch {
                logger.warning("webhook queue unavailable; retrying", [("error", .string(String(describing: error)))])
            }
        }
    }

    private func start(_ delivery: PendingDelivery) {
        state.lock()
        inFlight += 1
        laneCounter &+= 1
        let lane = lanes[laneCounter % lanes.count]
        state.unlock()
        lane.async { [self] in
            attempt(delivery)
            state.lock()
            inFlight -= 1
            state.broadcast()
            state.unlock()
        }
    }

    /// One attempt, then the row updated: deleted, rescheduled or given up.
    private func attempt(_ delivery: PendingDelivery) {
        let number = delivery.attempts + 1
        let documentID = delivery.documentID.uuidString.lowercased()
        var headers = [("X-Webhook-Event-ID", delivery.eventID.uuidString.lowercased()), ("X-Webhook-Attempt", String(number))]
        if let signature {
            headers += signature.headers(for: delivery.body, timestamp: Int(Date().timeIntervalSince1970))
        }
        var status: Int?
        var error: Error?
        do {
            status = try client.get().post(delivery.body, headers: headers)
        } catch let failure {
            error = failure
        }
        do {
            if let status, (200..<300).contains(status) {
                try store.markDelivered(delivery.eventID)
                logger.info("webhook delivered", [("document_id", .string(documentID)), ("attempt", .number(String(number)))])
                return
            }
            let outcome = status.map { "HTTP \($0)" } ?? error.map { String(describing: $0) } ?? "no response"
            // An unusable URL will not get better; every transport error might.
            let retryable = status.map { $0 >= 500 || $0 == 408 || $0 == 429 } ?? !(error is WebhookEndpointError)
            guard retryable, number < policy.maxAttempts else {
                try store.markFailed(delivery.eventID, attempts: number, outcome: outcome)
                logger.error("webhook delivery failed", [
                    ("document_id", .string(documentID)), ("attempts", .number(String(number))),
                    ("outcome", .string(outcome)),
                ])
                return
            }
            let delay = policy.delay(after: number)
            try store.scheduleRetry(delivery.eventID, attempts: number, after: delay, outcome: outcome)
            logger.warning("webhook attempt failed; retrying", [
                ("document_id", .string(documentID)), ("attempt", .number(String(number))),
                ("outcome", .string(outcome)), ("retry_in_seconds", .number(String(delay))),
            ])
            wake(at: Date().addingTimeInterval(delay))
        } catch let storeError {
            // The lease runs out and the delivery is tried again: at least once, maybe twice.
            logger.warning("webhook outcome not recorded", [
                ("document_id", .string(documentID)), ("error", .string(String(describing: storeError))),
            ])
        }
    }
}
