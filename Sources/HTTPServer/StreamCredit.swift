/// Bounds how far a worker producing a streamed body may run ahead of a slow client: the
/// worker's `write` blocks while about `limit` bytes wait to be sent, and returns at once
/// (dropping the chunk) once the connection is gone.
final class StreamCredit: @unchecked Sendable {
    static let limit = 1 << 20

    private let lock = ConditionLock()
    private var unsent = 0
    private var cancelled = false

    /// Worker side: waits for room for `count` more bytes; false once the connection closed.
    func reserve(_ count: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while unsent >= Self.limit && !cancelled { lock.wait() }
        if cancelled { return false }
        unsent += count
        return true
    }

    /// Loop side: `count` reserved bytes were written to the socket. (Only written bytes are
    /// released: chunks still in the loop's mailbox stay counted.)
    func release(_ count: Int) {
        lock.withLock { unsent -= count }
        lock.broadcast()
    }

    /// Loop side: the connection closed; wake the worker and refuse further chunks.
    func cancel() {
        lock.withLock { cancelled = true }
        lock.broadcast()
    }
}
