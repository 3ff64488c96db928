import Synchronization
import XCTest
@testable import InvoiceMasterApp

final class TTLCacheTests: XCTestCase {
    final class FakeClock: Sendable {
        let now = Mutex(0.0)
        func advance(_ seconds: Double) { now.withLock { $0 += seconds } }
        var read: @Sendable () -> Double { { self.now.withLock { $0 } } }
    }

    func testEvictsTheLeastRecentlyUsed() {
        let cache = TTLCache<Int, String>(capacity: 2, timeToLive: 60)
        cache.insert("one", for: 1)
        cache.insert("two", for: 2)
        XCTAssertEqual(cache.value(for: 1), "one")  // 2 is now the least recently used
        cache.insert("three", for: 3)
        XCTAssertNil(cache.value(for: 2))
        XCTAssertEqual(cache.value(for: 1), "one")
        XCTAssertEqual(cache.value(for: 3), "three")
        XCTAssertEqual(cache.count, 2)
        for key in 10..<100 { cache.insert("x", for: key) }
        XCTAssertEqual(cache.count, 2)
        XCTAssertEqual(cache.value(for: 99), "x")
        XCTAssertEqual(cache.value(for: 98), "x")
    }

    func testEntriesExpire() {
        let clock = FakeClock()
        let cache = TTLCache<Int, String>(capacity: 10, timeToLive: 5, clock: clock.read)
        cache.insert("a", for: 1)
        clock.advance(4.9)
        XCTAssertEqual(cache.value(for: 1), "a")
        clock.advance(0.2)
        XCTAssertNil(cache.value(for: 1))
        XCTAssertEqual(cache.count, 0)
    }

    func testInvalidationAndTheStaleReaderRace() {
        let cache = TTLCache<Int, String>(capacity: 10, timeToLive: 60)
        cache.insert("old", for: 1)
        cache.invalidate(1)
        XCTAssertNil(cache.value(for: 1))
        let generation = cache.generation(for: 1)  // a reader starts loading...
        cache.invalidate(1)                // ...a writer changes the row meanwhile
        cache.insert("old", for: 1, ifGeneration: generation)
        XCTAssertNil(cache.value(for: 1), "a value read before an invalidation is not stored")
    }

    func testDisabledCacheHoldsNothing() {
        for cache in [TTLCache<Int, String>(capacity: 0, timeToLive: 60), TTLCache<Int, String>(capacity: 10, timeToLive: 0)] {
            cache.insert("a", for: 1)
            XCTAssertNil(cache.value(for: 1))
            XCTAssertFalse(cache.isEnabled)
        }
    }

    func testConcurrentUseKeepsTheBound() {
        let cache = TTLCache<Int, Int>(capacity: 50, timeToLive: 60)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for step in 0..<5_000 {
                let key = (step * 31 + worker) % 200
                if step % 7 == 0 { cache.invalidate(key) } else if let value = cache.value(for: key) {
                    XCTAssertEqual(value, key * 2)
                } else {
                    cache.insert(key * 2, for: key)
                }
            }
        }
        XCTAssertLessThanOrEqual(cache.count, 50)
    }
}

final class SegmentedTTLCacheTests: XCTestCase {
    func testLargeCachesStayWithinCapacity() {
        let cache = TTLCache<Int, Int>(capacity: 2048, timeToLive: 60)
        for key in 0..<20_000 { cache.insert(key, for: key) }
        XCTAssertLessThanOrEqual(cache.count, 2048)
        XCTAssertGreaterThan(cache.count, 1500, "every segment fills up")
        XCTAssertEqual(cache.value(for: 19_999), 19_999, "the newest entries survive")
        XCTAssertNil(cache.value(for: 0), "the oldest are evicted")
    }

    func testRemoveAllForgetsEverythingAndStaleReaders() {
        let cache = TTLCache<Int, Int>(capacity: 4096, timeToLive: 60)
        for key in 0..<100 { cache.insert(key, for: key) }
        let generation = cache.generation(for: 7)
        cache.removeAll()
        XCTAssertEqual(cache.count, 0)
        cache.insert(7, for: 7, ifGeneration: generation)
        XCTAssertNil(cache.value(for: 7))
    }
}
