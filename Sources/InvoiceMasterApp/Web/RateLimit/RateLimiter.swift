import Synchronization

/// Per-client rate limit as a token bucket in its GCRA form: `limit` requests at once, then one
/// more every `window / limit` seconds. Each client costs one number — its theoretical arrival
/// time, updated with compare-and-swap so requests of one client never queue on a lock. The
/// client table takes a write lock only to add clients and to sweep: a client whose bucket is
/// full again carries no information and is dropped, so memory stays bounded by the clients
/// active within one window.
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
    private let table: ClientTable

    /// Theoretical arrival time of a client's next request, as the bits of a Double.
    final class ClientState: Sendable {
        let arrival: Atomic<UInt64>
        init(arrival: Double) { self.arrival = Atomic(arrival.bitPattern) }
    }

    final class ClientTable: @unchecked Sendable {
        let lock = ReadWriteLock()
        var clients: [String: ClientState] = [:]  // guarded by `lock`
        let calls = Atomic<Int>(0)
    }

    static var sweepEvery: Int { 10_000 }

    public init(limit: Int, windowSeconds: Double) {
        precondition(limit > 0 && windowSeconds > 0)
        self.limit = limit
        self.windowSeconds = windowSeconds
        interval = windowSeconds / Double(limit)
        table = ClientTable()
    }

    /// Records a request from `client` at `now` (seconds on a monotonic clock).
    public func hit(_ client: String, now: Double) -> Decision {
        if table.calls.wrappingAdd(1, ordering: .relaxed).newValue % Self.sweepEvery == 0 { sweep(now: now) }
        let state = table.lock.withReadLock { table.clients[client] } ?? table.lock.withWriteLock {
            if let existing = table.clients[client] { return existing }
            let created = ClientState(arrival: now)
            table.clients[client] = created
            return created
        }
        var current = state.arrival.load(ordering: .relaxed)
        while true {
            let theoretical = max(Double(bitPattern: current), now)
            let next = theoretical + interval
            // Admit while the backlog after this request stays within one window.
            if next - now > windowSeconds + 1e-9 {
                return Decision(allowed: false, remaining: 0, resetSeconds: theoretical - now,
                                retryAfterSeconds: next - now - windowSeconds)
            }
            let (exchanged, found) = state.arrival.compareExchange(
                expected: current, desired: next.bitPattern, ordering: .relaxed)
            if exchanged {
                let remaining = Int(((windowSeconds - (next - now)) / interval + 1e-9).rounded(.down))
                return Decision(allowed: true, remaining: max(0, remaining), resetSeconds: next - now, retryAfterSeconds: 0)
            }
            current = found
        }
    }

    /// Clients currently tracked (for tests of the eviction).
    public var trackedClients: Int { table.lock.withReadLock { table.clients.count } }

    /// Drops every client whose bucket is full at `now`. A request racing the sweep of its own
    /// (idle) client may go uncounted — at most one request, and only for a client at rest.
    public func sweep(now: Double) {
        table.lock.withWriteLock {
            table.clients = table.clients.filter { Double(bitPattern: $0.value.arrival.load(ordering: .relaxed)) > now }
        }
    }
}
