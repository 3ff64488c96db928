import Foundation
import Synchronization
import XCTest
@testable import InvoiceMasterApp

final class InsertBatcherTests: XCTestCase {
    struct Refused: Error, Equatable { let value: Int }
    struct Down: Error {}

    func testConcurrentInsertsShareBatchesAndEachGetsItsOwnResult() {
        let batchSizes = Mutex<[Int]>([])
        let batcher = InsertBatcher<Int, Int>(
            maxBatchSize: 8, maxConcurrentBatches: 1, failsEveryInsert: { _ in false },
            insertOne: { value in Thread.sleep(forTimeInterval: 0.002); return value * 10 },
            insertMany: { values in
                batchSizes.withLock { $0.append(values.count) }
                Thread.sleep(forTimeInterval: 0.002)
                return values.map { $0 * 10 }
            })
        let results = Mutex<[Int: Int]>([:])
        runOnSeparateThreads(64) { value in
            let output = try? batcher.insert(value)
            results.withLock { $0[value] = output }
        }
        XCTAssertEqual(results.withLock { $0 }, Dictionary(uniqueKeysWithValues: (0..<64).map { ($0, $0 * 10) }))
        let sizes = batchSizes.withLock { $0 }
        XCTAssertFalse(sizes.isEmpty, "concurrent inserts were coalesced")
        XCTAssertTrue(sizes.allSatisfy { $0 <= 8 })
    }

    func testAFailedBatchIsRetriedOneByOne() throws {
        let batcher = InsertBatcher<Int, Int>(
            maxBatchSize: 8, maxConcurrentBatches: 1, failsEveryInsert: { _ in false },
            insertOne: { value in if value == 3 { throw Refused(value: value) }; return value },
            insertMany: { _ in throw Refused(value: -1) })
        let results = Mutex<[Int: Result<Int, Refused>]>([:])
        runOnSeparateThreads(16) { value in
            let result = Result { try batcher.insert(value) }.mapError { $0 as! Refused }
            results.withLock { $0[value] = result }
        }
        for value in 0..<16 {
            let result = try XCTUnwrap(results.withLock { $0[value] })
            if value == 3 { XCTAssertEqual(result, .failure(Refused(value: 3))) } else { XCTAssertEqual(result, .success(value)) }
        }
    }

    func testAnOutageFailsTheWholeBatchWithoutRetries() {
        let singleInserts = Atomic<Int>(0)
        let batcher = InsertBatcher<Int, Int>(
            maxBatchSize: 64, maxConcurrentBatches: 1, failsEveryInsert: { $0 is Down },
            insertOne: { _ in singleInserts.add(1, ordering: .relaxed); Thread.sleep(forTimeInterval: 0.005); throw Down() },
            insertMany: { _ in throw Down() })
        let failures = Atomic<Int>(0)
        runOnSeparateThreads(16) { value in
            do { _ = try batcher.insert(value) } catch { if error is Down { failures.add(1, ordering: .relaxed) } }
        }
        XCTAssertEqual(failures.load(ordering: .relaxed), 16)
        XCTAssertLessThan(singleInserts.load(ordering: .relaxed), 16, "batched inserts were not retried one by one")
    }
}

/// Runs `body` on `count` threads of its own at once and waits for all of them.
/// (`DispatchQueue.concurrentPerform` would run only as many at once as there are cores, so on
/// a 2-core machine callers rarely overlap and batches rarely form.)
private func runOnSeparateThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread {
            body(index)
            group.leave()
        }.start()
    }
    group.wait()
}
