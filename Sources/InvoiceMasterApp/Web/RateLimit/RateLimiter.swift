import Synchronization

/// Per-client rate limit as a token bucket in its GCRA form: `limit` requests at once, then one
/// more every `window / limit` seconds. Each client costs one number (its theoretical arrival
/// time); a client whose bucket is full again carries no information and is evicted by a sweep,
/// so memory stays bounded by the clients active within one window.
public final class RateLimiter: Sendable {
    public struct Decision: Equatable, Sendable {
        public let allowed: Bool
        /// Requests that may still be sent at once.
        public let remaining: Int
        /// Seconds until the bucket is full again (the whole limit available).
        public let resetSeconds: Double
        /// For a refused request: seconds until one request may be sent.
        public let retryAfterSeconds: Double
    }

    public let limit: Int
    public let windowSeconds: Double
    private let interval: Double
    private let shards: [Shard]

    /// A slice of the clients behind its own lock, so threads serving different clients rarely wait.
    final class Shard: Sendable {
        struct State {
            var arrival: [String: Double] = [:]
            var callsSinceSweep = 0
        }
        let state = Mutex(State())
    }

    static let sweepEvery = 10_000

    public init(limit: Int, windowSeconds: Double, shardCount: Int = 16) {
        precondition(limit > 0 && windowSeconds > 0)
        self.limit = limit
        self.windowSeconds = windowSeconds
        interval = windowSeconds / Double(limit)
        shards = (0..<shardCount).map { _ in Shard() }
    }

    /// Records a request from `client` at `now` (seconds on a monotonic clock).
    public func hit(_ client: String, now: Double) -> Decision {
        let shard = shards[Int(UInt(bitPattern: client.hashValue) % UInt(shards.count))]
        return shard.state.withLock { state in
            state.callsSinceSweep += 1
            if state.callsSinceSweep >= Self.sweepEvery {
                state.callsSinceSweep = 0
                state.arrival = state.arrival.filter { $0.value > now }
            }
            let theoretical = max(state.arrival[client] ?? now, now)
            let next = theoretical + interval
            // Admit while the backlog after this request stays within one window.
            if next - now > windowSeconds + 1e-9 {
                let retry = next - now - windowSeconds
                return Decision(allowed: false, remaining: 0, resetSeconds: theoretical - now,
                                retryAfterSeconds: retry)
            }
            state.arrival[client] = next
            let remaining = Int(((windowSeconds - (next - now)) / interval + 1e-9).rounded(.down))
            return Decision(allowed: true, remaining: max(0, remaining), resetSeconds: next - now,
                            retryAfterSeconds: 0)
        }
    }

    /// Clients currently tracked (for tests of the eviction).
    public var trackedClients: Int { shards.reduce(0) { $0 + $1.state.withLock { $0.arrival.count } } }

    /// Drops every client whose bucket is full at `now`.
    public func sweep(now: Double) {
        for shard in shards { shard.state.withLock { $0.arrival = $0.arrival.filter { $0.value > now } } }
    }
}
