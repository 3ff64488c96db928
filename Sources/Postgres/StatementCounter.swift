import Synchronization

/// Counts statements issued by callers through a pool's connections (shared by all of them).
final class StatementCounter: Sendable {
    private let count = Atomic<Int>(0)

    func increment() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}
