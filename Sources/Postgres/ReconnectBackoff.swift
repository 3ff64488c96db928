import Foundation

/// Exponential, capped delay between failed connection attempts, so a database that is down
/// is not hammered by every request while it restarts.
struct ReconnectBackoff {
    let initialDelay: Double
    let maxDelay: Double
    private(set) var consecutiveFailures = 0
    /// No new connection attempt before this instant.
    private(set) var nextAttempt = Date.distantPast
    /// Why the last attempt failed, reported to callers while the backoff lasts.
    private(set) var lastError: String?

    init(initialDelay: Double, maxDelay: Double) {
        self.initialDelay = max(0, initialDelay)
        self.maxDelay = max(self.initialDelay, maxDelay)
    }

    func allowsAttempt(at now: Date) -> Bool { now >= nextAttempt }

    mutating func recordFailure(_ message: String, at now: Date) {
        consecutiveFailures += 1
        let exponent = Double(min(consecutiveFailures - 1, 30))
        let delay = min(maxDelay, initialDelay * pow(2, exponent))
        // Up to 20% jitter so several processes do not reconnect in lockstep.
        nextAttempt = now.addingTimeInterval(delay * Double.random(in: 0.8...1.0))
        lastError = message
    }

    mutating func recordSuccess() {
        consecutiveFailures = 0
        nextAttempt = .distantPast
        lastError = nil
    }
}
