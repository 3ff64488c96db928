import XCTest
@testable import HTTPServer

final class WorkerPoolTests: XCTestCase {
    /// Blocking jobs must run side by side up to the pool size: each job here waits until all
    /// four have started, which only happens if four threads run them at once.
    func testBlockingJobsRunInParallel() {
        let pool = WorkerPool(threadCount: 4)
        let lock = ConditionLock()
        var started = 0
        var finished = 0
        for _ in 0..<4 {
            pool.submit {
                lock.lock()
                started += 1
                lock.broadcast()
                var waited = 0
                while started < 4 && waited < 50 {
                    lock.unlock()
                    usleep(100_000)
                    waited += 1
                    lock.lock()
                }
                if started == 4 { finished += 1 }
                lock.unlock()
            }
        }
        pool.stop()
        XCTAssertEqual(finished, 4, "jobs were serialised instead of run in parallel")
    }

    func testStopRunsEveryQueuedJob() {
        let pool = WorkerPool(threadCount: 2)
        let lock = ConditionLock()
        var count = 0
        for _ in 0..<1000 { pool.submit { lock.withLock { count += 1 } } }
        pool.stop()
        XCTAssertEqual(count, 1000)
    }
}
