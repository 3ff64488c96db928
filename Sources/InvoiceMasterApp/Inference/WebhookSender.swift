import Foundation

/// POSTs notification bodies to one URL with retries and capped exponential backoff.
///
/// An attempt succeeds on any 2xx. Network errors, timeouts, 408, 429 and 5xx are retried after
/// `initialDelay`, doubling up to `maxDelay`, at most `maxAttempts` times in all; other 4xx
/// answers mean the receiver refuses the body, so retrying would not help. Every attempt of one
/// notification carries the same `X-Webhook-Event-ID`, so a receiver can drop repeats. Requests
/// go through `WebhookHTTPClient`, which blocks its thread for up to the timeout: they run on a
/// few delivery queues of their own (never the caller's), and retry waits are timers, not
/// sleeping threads. At most
/// `maxPending` notifications are in flight; beyond that new ones are dropped with a warning,
/// so a dead receiver cannot grow memory without bound.
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
    private let logger: AppLogger
    /// The client, or why the client cannot use the URL (settings check only scheme and host).
    private let client: Result<WebhookHTTPClient, WebhookEndpointError>
    private let timers = DispatchQueue(label: "invoice-master.webhook-retries")
    /// Deliveries block while they wait for the receiver; a few lanes keep one slow receiver
    /// answer from holding up the rest without a thread per pending notification.
    private let lanes = (0..<4).map { DispatchQueue(label: "invoice-master.webhook-delivery-\($0)") }
    private let nextLane = NSLock()
    private var laneCounter = 0  // guarded by `nextLane`
    private let maxPending = 1000
    private let pendingCount = NSCondition()
    private var pending = 0  // guarded by `pendingCount`

    init(url: URL, policy: RetryPolicy, signature: WebhookSignature? = nil, logger: AppLogger) {
        self.url = url
        self.policy = policy
        self.signature = signature
        self.logger = logger
        do {
            client = .success(WebhookHTTPClient(endpoint: try WebhookEndpoint(parsing: url.absoluteString), timeout: policy.timeout))
        } catch {
            client = .failure(error)
            logger.error("webhook URL unusable; notifications will fail", [("reason", .string(error.reason))])
        }
    }

    func send(_ body: [UInt8], documentID: String) {
        guard reserve() else {
            logger.warning("webhook backlog full; notification dropped",
                           [("document_id", .string(documentID)), ("pending", .number(String(maxPending)))])
            return
        }
        attempt(1, body: body, documentID: documentID, eventID: UUID().uuidString.lowercased())
    }

    private func attempt(_ number: Int, body: [UInt8], documentID: String, eventID: String) {
        lane().async { [self] in
            var headers = [("X-Webhook-Event-ID", eventID), ("X-Webhook-Attempt", String(number))]
            if let signature {
                headers += signature.headers(for: body, timestamp: Int(Date().timeIntervalSince1970))
            }
            var status: Int?
            var error: Error?
            do {
                status = try client.get().post(body, headers: headers)
            } catch let failure {
                error = failure
            }
            if let status, (200..<300).contains(status) {
                logger.info("webhook delivered", [("document_id", .string(documentID)), ("attempt", .number(String(number)))])
                release()
                return
            }
            let outcome = status.map { "HTTP \($0)" } ?? error.map { String(describing: $0) } ?? "no response"
            // An unusable URL will not get better; every transport error might.
            let retryable = status.map { $0 >= 500 || $0 == 408 || $0 == 429 } ?? !(error is WebhookEndpointError)
            guard retryable, number < policy.maxAttempts else {
                logger.error("webhook delivery failed", [
                    ("document_id", .string(documentID)), ("attempts", .number(String(number))),
                    ("outcome", .string(outcome)),
                ])
                release()
                return
            }
            let delay = policy.delay(after: number)
            logger.warning("webhook attempt failed; retrying", [
                ("document_id", .string(documentID)), ("attempt", .number(String(number))),
                ("outcome", .string(outcome)), ("retry_in_seconds", .number(String(delay))),
            ])
            timers.asyncAfter(deadline: .now() + delay) { [self] in
                attempt(number + 1, body: body, documentID: documentID, eventID: eventID)
            }
        }
    }

    private func lane() -> DispatchQueue {
        nextLane.withLock {
            laneCounter &+= 1
            return lanes[laneCounter % lanes.count]
        }
    }

    private func reserve() -> Bool {
        pendingCount.lock()
        defer { pendingCount.unlock() }
        guard pending < maxPending else { return false }
        pending += 1
        return true
    }

    private func release() {
        pendingCount.lock()
        pending -= 1
        pendingCount.broadcast()
        pendingCount.unlock()
    }

    func waitUntilIdle(deadline: Date) -> Bool {
        pendingCount.lock()
        defer { pendingCount.unlock() }
        while pending > 0 {
            if !pendingCount.wait(until: deadline) { return pending == 0 }
        }
        return true
    }
}
