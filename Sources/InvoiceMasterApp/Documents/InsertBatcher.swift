import Foundation

/// Coalesces concurrent inserts into multi-row inserts. Each commit waits for PostgreSQL to
/// flush its WAL to disk, so under load one commit per document makes the disk, not the CPU,
/// the limit; a batch of documents shares one commit.
///
/// No thread of its own: a caller that finds a free batch slot becomes the leader, takes every
/// waiting insert (its own included, up to `maxBatchSize`) and runs them as one; the others wait
/// for their results. An insert arriving at an idle server runs at once, alone. When a batch
/// fails (say one document's upload hash already exists), its documents are retried one by one,
/// so each caller gets exactly the outcome its own insert would have had alone.
final class InsertBatcher<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    typealias InsertOne = (Input) throws -> Output
    typealias InsertMany = ([Input]) throws -> [Output]

    private final class Pending {
        let input: Input
        var result: Result<Output, Error>?
        init(_ input: Input) { self.input = input }
    }

    let maxBatchSize: Int
    let maxConcurrentBatches: Int
    private let insertOne: InsertOne
    private let insertMany: InsertMany
    /// Errors after which retrying the batch's inserts one by one is pointless (database down).
    private let failsEveryInsert: (Error) -> Bool
    private let condition = NSCondition()
    // Guarded by `condition`.
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
        condition.lock()
        queue.append(pending)
        while pending.result == nil {
            if runningBatches < maxConcurrentBatches && !queue.isEmpty {
                let batch = Array(queue.prefix(maxBatchSize))
                queue.removeFirst(batch.count)
                runningBatches += 1
                condition.unlock()
                let results = run(batch.map(\.input))
                condition.lock()
                for (waiting, result) in zip(batch, results) { waiting.result = result }
                runningBatches -= 1
                condition.broadcast()
            } else {
                condition.wait()
            }
        }
        condition.unlock()
        return try pending.result!.get()
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
