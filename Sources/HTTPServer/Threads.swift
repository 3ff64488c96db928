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

/// Online CPUs. (Not the affinity mask or a container's CPU quota: where those are smaller,
/// set the thread counts explicitly.)
func onlineCPUCount() -> Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

/// A fixed pool of threads running submitted jobs in order of submission. Responders may block
/// (libpq), so they run here and never on an I/O thread.
///
/// Waking a thread costs a futex call and two context switches, more than a quick handler
/// itself, so the pool wakes one only when no awake thread is free to take the job: a thread
/// that finishes a job takes the next without sleeping. When every awake thread is busy (a
/// handler blocks), each new job wakes another sleeper, so blocking handlers still run in
/// parallel up to the pool size.
final class WorkerPool: @unchecked Sendable {
    private let lock = ConditionLock()
    private var jobs: [() -> Void] = []
    private var head = 0
    /// Threads waiting on the condition.
    private var sleeping = 0
    /// Signals sent and not yet taken up by a thread.
    private var wakeTokens = 0
    /// Awake threads not running a job: they will take the next one.
    private var searching = 0
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
        let wake = claimWakeIfNeeded()
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

    /// Whether a sleeper must be woken for the queued jobs; the lock must be held.
    private func claimWakeIfNeeded() -> Bool {
        guard head < jobs.count, searching == 0, wakeTokens == 0, sleeping > 0 else { return false }
        wakeTokens += 1
        return true
    }

    private func work() {
        lock.lock()
        searching += 1
        while true {
            if head < jobs.count {
                let job = jobs[head]
                head += 1
                if head == jobs.count {
                    jobs.removeAll(keepingCapacity: true)
                    head = 0
                } else if head >= 1024 && head * 2 >= jobs.count {
                    jobs.removeFirst(head)
                    head = 0
                }
                searching -= 1
                // This job may block: someone else must watch the rest of the queue.
                let wake = claimWakeIfNeeded()
                lock.unlock()
                if wake { lock.signal() }
                job()
                lock.lock()
                searching += 1
                continue
            }
            searching -= 1
            if stopping { break }
            sleeping += 1
            while wakeTokens == 0 && !stopping { lock.wait() }
            sleeping -= 1
            if wakeTokens > 0 { wakeTokens -= 1 }
            searching += 1
        }
        lock.unlock()
    }
}
