import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// POSTs notification bodies to one URL with retries and capped exponential backoff.
///
/// An attempt succeeds on any 2xx. Network errors, timeouts, 408, 429 and 5xx are retried after
/// `initialDelay`, doubling up to `maxDelay`, at most `maxAttempts` times in all; other 4xx
/// answers mean the receiver refuses the body, so retrying would not help. Every attempt of one
/// notification carries the same `X-Webhook-Event-ID`, so a receiver can drop repeats. Nothing
/// here blocks a thread while waiting: requests and retry timers are asynchronous. At most
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
    private let logger: AppLogger
    private let session: URLSession
    private let timers = DispatchQueue(label: "invoice-master.webhook-retries")
    private let maxPending = 1000
    private let pendingCount = NSCondition()
    private var pending = 0  // guarded by `pendingCount`

    init(url: URL, policy: RetryPolicy, logger: AppLogger) {
        self.url = url
        self.policy = policy
        self.logger = logger
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.timeoutIntervalForResource = policy.timeout
        session = URLSession(configuration: configuration)
    }

    func send(_ body: [UInt8], documentID: String) {
        guard reserve() else {
            logger.warning("webhook backlog full; notification dropped",
                           [("document_id", .string(documentID)), ("pending", .number(String(maxPending)))])
            return
        }
        attempt(1, body: Data(body), documentID: documentID, eventID: UUID().uuidString.lowercased())
    }

    private func attempt(_ number: Int, body: Data, documentID: String, eventID: String) {
        var request = URLRequest(url: url, timeoutInterval: policy.timeout)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(eventID, forHTTPHeaderField: "X-Webhook-Event-ID")
        request.setValue(String(number), forHTTPHeaderField: "X-Webhook-Attempt")
        session.dataTask(with: request) { [self] _, response, error in
            let status = (response as? HTTPURLResponse)?.statusCode
            if let status, (200..<300).contains(status) {
                logger.info("webhook delivered", [("document_id", .string(documentID)), ("attempt", .number(String(number)))])
                release()
                return
            }
            let outcome = status.map { "HTTP \($0)" } ?? error.map { $0.localizedDescription } ?? "no response"
            let retryable = status.map { $0 >= 500 || $0 == 408 || $0 == 429 } ?? true
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
        }.resume()
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
