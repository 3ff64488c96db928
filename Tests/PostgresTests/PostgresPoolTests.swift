@testable import Postgres
import XCTest

final class PostgresPoolTests: XCTestCase {
    private var admin: PostgresConnection!
    private var pools: [PostgresPool] = []

    override func setUpWithError() throws {
        admin = try PostgresConnection.connect(PostgresConfiguration(connectionString: TestDatabase.url()))
    }

    override func tearDown() {
        pools.forEach { $0.close() }
        admin = nil
    }

    private func makePool(min: Int = 0, max: Int, acquireTimeout: Double = 30) throws -> PostgresPool {
        let pool = PostgresPool(configuration: TestDatabase.configuration(try TestDatabase.url(), min: min, max: max,
                                                                          acquireTimeout: acquireTimeout))
        pools.append(pool)
        return pool
    }

    func testNeverExceedsMaxUnderConcurrency() throws {
        let pool = try makePool(max: 3)
        let applicationName = pool.configuration.applicationName!
        let errors = ErrorLog()
        let done = SharedValue(false)
        let observedMax = SharedValue(0)
        let monitor = Thread { [admin] in
            var highest = 0
            while !done.load() {
                if let count = try? sessionCount(applicationName: applicationName, via: admin!) {
                    highest = max(highest, count)
                }
                usleep(2_000)
            }
            observedMax.store(highest)
            done.store(false)  // tells the test the monitor finished
        }
        monitor.start()
        runOnThreads(12) { _ in
            for _ in 0..<8 {
                do {
                    _ = try pool.withConnection { try $0.query("SELECT pg_sleep(0.01)") }
                } catch {
                    errors.record(error)
                }
            }
        }
        done.store(true)
        XCTAssertTrue(waitUntil { !done.load() })
        XCTAssertTrue(errors.all.isEmpty, "\(errors.all)")
        XCTAssertGreaterThan(observedMax.load(), 0)
        XCTAssertLessThanOrEqual(observedMax.load(), 3)
        XCTAssertLessThanOrEqual(pool.peakOpenConnectionCount, 3)
        XCTAssertEqual(pool.statementCount, 12 * 8)
    }

    func testAcquireTimesOutWhenAllConnectionsAreBusy() throws {
        let pool = try makePool(max: 1, acquireTimeout: 0.2)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let holder = Thread {
            try? pool.withConnection { _ in
                holding.signal()
                release.wait()
            }
        }
        holder.start()
        holding.wait()
        XCTAssertThrowsError(try pool.withConnection { _ in }) { error in
            guard case PostgresError.acquireTimeout = error else { return XCTFail("\(error)") }
            XCTAssertTrue((error as? PostgresError)?.isUnavailable == true)
        }
        release.signal()
        XCTAssertTrue(waitUntil { (try? pool.withConnection { _ in true }) == true })
    }

    func testWaitersAreServedInArrivalOrder() throws {
        let pool = try makePool(max: 1)
        let order = OrderLog()
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        Thread {
            try? pool.withConnection { _ in
                holding.signal()
                release.wait()
            }
        }.start()
        holding.wait()
        let finished = DispatchGroup()
        for caller in 0..<5 {
            finished.enter()
            Thread {
                try? pool.withConnection { _ in order.append(caller) }
                finished.leave()
            }.start()
            // Each caller is queued before the next one arrives.
            XCTAssertTrue(waitUntil { pool.waiterCount == caller + 1 })
        }
        release.signal()
        finished.wait()
        XCTAssertEqual(order.values, [0, 1, 2, 3, 4])
    }

    func testStartOpensMinimumInBackground() throws {
        let pool = try makePool(min: 2, max: 4)
        pool.start()
        let applicationName = pool.configuration.applicationName!
        XCTAssertTrue(try waitUntil { try sessionCount(applicationName: applicationName, via: admin) == 2 })
        XCTAssertEqual(pool.openConnectionCount, 2)
    }

    func testTerminatedConnectionsAreReplacedTransparently() throws {
        let pool = try makePool(min: 2, max: 2)
        pool.start()
        let applicationName = pool.configuration.applicationName!
        // Wait for both connections to finish their session set-up: a backend killed half-way
        // through it would count as a failed connect (and trigger backoff), not a dead idle one.
        XCTAssertTrue(waitUntil { pool.idleConnectionCount == 2 })
        XCTAssertEqual(try sessionCount(applicationName: applicationName, via: admin), 2)
        let killed = try admin.query("""
            SELECT pg_terminate_backend(pid) AS killed, pid FROM pg_stat_activity WHERE application_name = $1
            """, [.text(applicationName)])
        XCTAssertEqual(killed.count, 2)
        let oldPids = Set(try killed.map { try $0.int("pid") })
        XCTAssertTrue(try waitUntil { try sessionCount(applicationName: applicationName, via: admin) == 0 })
        for _ in 0..<6 {
            let pid = try pool.withConnection { try $0.query("SELECT pg_backend_pid() AS pid")[0].int("pid") }
            XCTAssertFalse(oldPids.contains(pid))
        }
        XCTAssertLessThanOrEqual(pool.peakOpenConnectionCount, 2)
    }

    func testConnectionKilledMidUseIsDiscarded() throws {
        let pool = try makePool(max: 1)
        XCTAssertThrowsError(try pool.withConnection { connection in
            let pid = try connection.query("SELECT pg_backend_pid() AS pid")[0].int("pid")
            try admin.query("SELECT pg_terminate_backend($1::int)", [.int(pid)])
            XCTAssertTrue(try waitUntil {
                try admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1::int",
                                [.int(pid)])[0].int("n") == 0
            })
            try connection.query("SELECT 1")
        }) { error in
            guard case PostgresError.connectionLost = error else { return XCTFail("\(error)") }
            XCTAssertTrue((error as? PostgresError)?.isUnavailable == true)
        }
        XCTAssertEqual(pool.openConnectionCount, 0, "the dead connection was not returned to the pool")
        XCTAssertEqual(try pool.withConnection { try $0.query("SELECT 1 AS one")[0].int("one") }, 1)
    }

    func testUnreachableDatabaseFailsFastWithConnectionError() throws {
        let pool = PostgresPool(configuration: TestDatabase.configuration(
            "postgresql://postgres@127.0.0.1:\(try unusedPort())/none", max: 2))
        pools.append(pool)
        for _ in 0..<3 {
            XCTAssertThrowsError(try pool.withConnection { _ in }) { error in
                guard case PostgresError.connectionFailed = error else { return XCTFail("\(error)") }
                XCTAssertTrue((error as? PostgresError)?.isUnavailable == true)
            }
        }
        XCTAssertEqual(pool.openConnectionCount, 0)
    }

    func testClosedPoolRefusesWork() throws {
        let pool = try makePool(max: 1)
        XCTAssertEqual(try pool.withConnection { try $0.query("SELECT 1 AS one")[0].int("one") }, 1)
        pool.close()
        XCTAssertThrowsError(try pool.withConnection { _ in })
        XCTAssertEqual(pool.openConnectionCount, 0)
    }
}

/// Values appended from several threads.
final class OrderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Int] = []
    func append(_ value: Int) { lock.withLock { items.append(value) } }
    var values: [Int] { lock.withLock { items } }
}

/// A flag shared between threads.
final class SharedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func load() -> Value { lock.withLock { value } }
    func store(_ newValue: Value) { lock.withLock { value = newValue } }
}
