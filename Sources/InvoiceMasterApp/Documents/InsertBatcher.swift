import Foundation

/// Coalesces concurrent inserts into multi-row inserts. Each commit waits for PostgreSQL to
/// flush its WAL to disk, so under load one commit per document makes the disk, not the CPU,
/// the limit; a batch of documents shares one commit.
///
/// No thread of its own: a caller that finds a free batch slot runs at once; callers arriving
/// while every slot is busy queue up. A caller finishing a batch hands its slot to the first
/// queued caller and wakes only that one, which then takes itself and whatever queued meanwhile
/// (up to `maxBatchSize`) as its batch. Every caller is woken exactly once, by its own semaphore:
/// with its result, or to run a batch. (A shared condition broadcast woke every waiting thread
/// after each batch, which cost about a fifth of the throughput of concurrent creates.) An
/// insert arriving at an idle server runs at once, alone. When a batch fails (say one
/// document's upload hash already exists), its documents are retried one by one, so each caller
/// gets exactly the outcome its own insert would have had alone.
final class InsertBatcher<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    typealias InsertOne = (Input) throws -> Output
    typealias InsertMany = ([Input]) throws -> [Output]

    private final class Pending {
        let input: Input
        let wakeUp = DispatchSemaphore(value: 0)
        /// Set before `wakeUp` is signalled; still nil when the caller was woken to run a batch.
        var result: Result<Output, Error>?
        init(_ input: Input) { self.input = input }
    }

    let maxBatchSize: Int
    let maxConcurrentBatches: Int
    private let insertOne: InsertOne
    private let insertMany: InsertMany
    /// Errors after which retrying the batch's inserts one by one is pointless (database down).
    private let failsEveryInsert: (Error) -> Bool
    private let lock = NSLock()
    // Guarded by `lock`. Invariant: `queue` is empty unless every batch slot is taken.
    private var queue: [Pending] = []
    private var runningBatches = 0

    init(maxBatchSize: Int, maxConcurrentBatches: Int, failsEveryInsert: @escaping (Error) -> Bool,
         insertOne: @escaping InsertOne, insertMany: @escaping InsertMany) {
        self.maxBatchSize = max(1, maxBatchSize)
        self.maxConcurrentBatches = max(1, maxConcurrentBatches)
        self.failsEveryInsert = failsEveryInsert
        self.insertOne = insertOne
        self.insertMany = insertMany
    }

    func insert(_ input: Input) throws -> Output {
        let pending = Pending(input)
        lock.lock()
        let slotFree = runningBatches < maxConcurrentBatches
        if slotFree { runningBatches += 1 } else { queue.append(pending) }
        lock.unlock()
        if !slotFree { pending.wakeUp.wait() }
        if pending.result == nil { runBatch(ledBy: pending) }
        return try pending.result!.get()
    }

    /// Runs a batch in the slot `leader` holds, then passes the slot on (or frees it).
    private func runBatch(ledBy leader: Pending) {
        lock.lock()
        let followers = Array(queue.prefix(maxBatchSize - 1))
        queue.removeFirst(followers.count)
        lock.unlock()
        let batch = [leader] + followers
        for (member, result) in zip(batch, run(batch.map(\.input))) { member.result = result }
        lock.lock()
        let nextLeader = queue.isEmpty ? nil : queue.removeFirst()
        if nextLeader == nil { runningBatches -= 1 }
        lock.unlock()
        for follower in followers { follower.wakeUp.signal() }
        nextLeader?.wakeUp.signal()
    }

    private func run(_ inputs: [Input]) -> [Result<Output, Error>] {
        if inputs.count == 1 { return [Result { try insertOne(inputs[0]) }] }
        do {
            let outputs = try insertMany(inputs)
            return outputs.map { .success($0) }
        } catch {
            if failsEveryInsert(error) { return inputs.map { _ in .failure(error) } }
            return inputs.map { input in Result { try insertOne(input) } }
        }
    }
}
