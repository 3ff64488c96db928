import Foundation

/// A bounded pool of libpq connections, safe to use from many threads.
///
/// - Never more than `maxConnections` open (or opening) at once.
/// - Callers wait in FIFO order for a connection, up to `acquireTimeout`.
/// - Idle connections are checked before being handed out; dead or dirty ones are dropped and
///   replaced. Failed connection attempts back off exponentially (capped), and while the
///   database is unreachable callers fail fast with `connectionFailed` instead of queueing.
/// - libpq calls block: call the pool from worker threads, never from an event loop.
public final class PostgresPool: @unchecked Sendable {
    public let configuration: PostgresConfiguration

    // All mutable state below is guarded by `condition`.
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    /// Idle + handed out + being opened. Never exceeds `maxConnections`.
    private var openCount = 0
    private var peakOpenCount = 0
    /// Tickets of callers waiting for a connection, oldest first.
    private var waiters: [UInt64] = []
    private var nextTicket: UInt64 = 0
    private var backoff: ReconnectBackoff
    private var closed = false
    private var maintainerStarted = false

    private let counter = StatementCounter()

    public init(configuration: PostgresConfiguration) {
        var configuration = configuration
        configuration.maxConnections = max(1, configuration.maxConnections)
        configuration.minConnections = min(max(0, configuration.minConnections), configuration.maxConnections)
        self.configuration = configuration
        backoff = ReconnectBackoff(initialDelay: configuration.reconnectDelay,
                                   maxDelay: configuration.maxReconnectDelay)
    }

    deinit { close() }

    /// Statements callers ran through this pool's connections (`query` and `execute`; not the
    /// pool's own BEGIN/COMMIT/ROLLBACK or session set-up).
    public var statementCount: Int { counter.value }

    /// Connections open right now, idle or in use (or being opened).
    public var openConnectionCount: Int { locked { openCount } }

    /// The most connections this pool ever had open at once.
    public var peakOpenConnectionCount: Int { locked { peakOpenCount } }

    /// Callers waiting for a connection right now.
    var waiterCount: Int { locked { waiters.count } }

    /// Connections fully opened (session set up) and waiting in the pool.
    var idleConnectionCount: Int { locked { idle.count } }

    /// Opens `minConnections` in the background and keeps that many open, reconnecting with
    /// backoff when the database goes away. Never throws: the database may be down at start.
    public func start() {
        let shouldStart: Bool = locked {
            defer { maintainerStarted = true }
            return !maintainerStarted && !closed
        }
        guard shouldStart else { return }
        let thread = Thread { [weak self] in
            while let pool = self, pool.maintainMinimum() {}
        }
        thread.name = "postgres-pool"
        thread.start()
    }

    /// Runs `body` with a connection, returning it to the pool afterwards (or dropping it when
    /// it broke or was left inside a transaction that could not be rolled back).
    @discardableResult
    public func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try acquire()
        defer { release(connection) }
        return try body(connection)
    }

    /// `withConnection` inside BEGIN … COMMIT; any error thrown by `body` rolls back.
    @discardableResult
    public func withTransaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try withConnection { try $0.withTransaction(body) }
    }

    /// Closes idle connections now and in-use ones as they come back; later calls fail.
    public func close() {
        let dropped: [PostgresConnection] = locked {
            closed = true
            let connections = idle
            idle.removeAll()
            openCount -= connections.count
            condition.broadcast()
            return connections
        }
        _ = dropped  // released (PQfinish) here, outside the lock
    }

    // MARK: Acquire and release

    private enum Reservation {
        case idle(PostgresConnection)
        case openNew
    }

    private func acquire() throws -> PostgresConnection {
        let deadline = Date().addingTimeInterval(configuration.acquireTimeout)
        var isRetry = false
        while true {
            switch try reserve(until: deadline, keepingPlace: isRetry) {
            case .idle(let connection):
                if connection.isAlive() { return connection }
                discard(connection)
            case .openNew:
                do {
                    let connection = try PostgresConnection.open(configuration, counter: counter)
                    locked { backoff.recordSuccess() }
                    return connection
                } catch {
                    connectFailed(error)
                    throw error
                }
            }
            isRetry = true
        }
    }

    /// Waits for this caller's turn, then takes an idle connection or the right to open one.
    private func reserve(until deadline: Date, keepingPlace: Bool) throws -> Reservation {
        condition.lock()
        defer { condition.unlock() }
        let ticket = nextTicket
        nextTicket += 1
        // A caller whose idle connection turned out dead keeps its place at the front.
        if keepingPlace { waiters.insert(ticket, at: 0) } else { waiters.append(ticket) }
        defer {
            waiters.removeAll { $0 == ticket }
            condition.broadcast()  // the next caller in line re-checks
        }
        while true {
            if closed { throw PostgresError.connectionFailed("the connection pool is closed") }
            let now = Date()
            var wakeAt = deadline
            if waiters.first == ticket {
                if let connection = idle.popLast() { return .idle(connection) }
                if openCount < configuration.maxConnections {
                    if backoff.allowsAttempt(at: now) {
                        reserveSlot()
                        return .openNew
                    }
                    if openCount == 0 {
                        // Nothing to wait for: the database was unreachable moments ago.
                        throw PostgresError.connectionFailed(backoff.lastError ?? "database unreachable")
                    }
                    wakeAt = min(deadline, backoff.nextAttempt)
                }
            }
            if now >= deadline { throw PostgresError.acquireTimeout }
            _ = condition.wait(until: wakeAt)
        }
    }

    private func release(_ connection: PostgresConnection) {
        if !connection.isBroken && !connection.isIdle { connection.rollback() }
        locked {
            if closed || connection.isBroken || !connection.isIdle {
                openCount -= 1
            } else {
                idle.append(connection)
            }
            condition.broadcast()
        }
    }

    private func discard(_ connection: PostgresConnection) {
        locked {
            openCount -= 1
            condition.broadcast()
        }
    }

    private func reserveSlot() {
        openCount += 1
        peakOpenCount = max(peakOpenCount, openCount)
    }

    private func connectFailed(_ error: Error) {
        locked {
            openCount -= 1
            backoff.recordFailure(String(describing: error), at: Date())
            condition.broadcast()
        }
    }

    // MARK: Background minimum

    /// One round of the background thread: open a connection when below the minimum (and not
    /// backing off), otherwise sleep until something changes. Returns false once closed.
    private func maintainMinimum() -> Bool {
        condition.lock()
        if closed {
            condition.unlock()
            return false
        }
        let now = Date()
        guard openCount < configuration.minConnections, backoff.allowsAttempt(at: now) else {
            let wakeAt = openCount < configuration.minConnections ? backoff.nextAttempt : now.addingTimeInterval(1)
            _ = condition.wait(until: wakeAt)
            condition.unlock()
            return true
        }
        reserveSlot()
        condition.unlock()
        do {
            let connection = try PostgresConnection.open(configuration, counter: counter)
            locked {
                backoff.recordSuccess()
                if closed {
                    openCount -= 1
                } else {
                    idle.append(connection)
                }
                condition.broadcast()
            }
        } catch {
            connectFailed(error)
        }
        return true
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        condition.lock()
        defer { condition.unlock() }
        return try body()
    }
}
