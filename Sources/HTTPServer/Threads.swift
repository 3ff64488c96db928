#if canImport(Glibc)
import Glibc
#endif

/// Starts a detached-from-Swift pthread running `body` (no Foundation on the server's path).
func startThread(_ body: @escaping () -> Void) -> pthread_t {
    final class Box { let body: () -> Void; init(_ body: @escaping () -> Void) { self.body = body } }
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    var thread = pthread_t()
    let result = pthread_create(&thread, nil, { raw in
        let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        box.body()
        return nil
    }, context)
    precondition(result == 0, "pthread_create failed: \(result)")
    return thread
}

/// A fixed pool of threads running submitted jobs in order of submission. Responders may block
/// (libpq), so they run here and never on an I/O thread.
final class WorkerPool: @unchecked Sendable {
    private let lock = ConditionLock()
    private var jobs: [() -> Void] = []
    private var head = 0
    private var idleWorkers = 0
    private var stopping = false
    private var threads: [pthread_t] = []

    init(threadCount: Int) {
        for _ in 0..<max(1, threadCount) {
            threads.append(startThread { [unowned self] in self.work() })
        }
    }

    func submit(_ job: @escaping () -> Void) {
        lock.lock()
        jobs.append(job)
        let wake = idleWorkers > 0
        lock.unlock()
        if wake { lock.signal() }
    }

    /// Lets queued jobs finish, then ends the threads and waits for them.
    func stop() {
        lock.withLock { stopping = true }
        lock.broadcast()
        for thread in threads { pthread_join(thread, nil) }
        threads = []
    }

    private func work() {
        while true {
            lock.lock()
            while head == jobs.count && !stopping {
                idleWorkers += 1
                lock.wait()
                idleWorkers -= 1
            }
            if head == jobs.count {
                lock.unlock()
                return
            }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 1024 && head * 2 >= jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            lock.unlock()
            job()
        }
    }
}
