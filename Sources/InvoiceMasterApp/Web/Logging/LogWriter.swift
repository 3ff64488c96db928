import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes log lines to a file descriptor from a background thread, so request threads only
/// append to a buffer. Lines that arrive while a write is in progress are written together with
/// the next one, so the number of `write` calls falls as the load rises. When the buffer holds
/// more than `maxBufferedBytes` (the descriptor is stuck), new lines are dropped and counted
/// rather than blocking requests.
public final class LogWriter: @unchecked Sendable {
    private let fileDescriptor: Int32
    private let maxBufferedBytes: Int
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var pending = JSONWriter(capacity: 64 << 10)
    private var writing = false
    private var closed = false
    private var droppedLines = 0
    private var thread: Thread?
    /// Pause after each write (see `run`).
    private let coalescingMicroseconds: UInt32

    public init(fileDescriptor: Int32 = STDERR_FILENO, maxBufferedBytes: Int = 8 << 20,
                coalescingMicroseconds: UInt32 = 5_000) {
        self.fileDescriptor = fileDescriptor
        self.maxBufferedBytes = maxBufferedBytes
        self.coalescingMicroseconds = coalescingMicroseconds
        // The thread holds the writer until `close()` ends it.
        let thread = Thread { self.run() }
        thread.name = "log-writer"
        self.thread = thread
        thread.start()
    }

    /// Queues one line, composed by `compose` straight into the queue (no buffer per line).
    /// `compose` runs under the writer's lock, so it should only format; it must not write a
    /// newline (one is added). When more than `maxBufferedBytes` wait (the descriptor is stuck),
    /// the line is dropped and counted instead.
    public func writeLine(_ compose: (inout JSONWriter) -> Void) {
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { return }
        if pending.bytes.count >= maxBufferedBytes {
            droppedLines += 1
            return
        }
        let wasEmpty = pending.bytes.isEmpty
        compose(&pending)
        pending.raw("\n")
        if wasEmpty { condition.broadcast() }
    }

    /// Returns once everything queued so far has been written.
    public func flush() {
        condition.lock()
        while !pending.bytes.isEmpty || writing { condition.wait() }
        condition.unlock()
    }

    /// Writes what is queued and stops the background thread. Later lines are ignored.
    public func close() {
        flush()
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        var batch = JSONWriter(capacity: 64 << 10)
        while true {
            condition.lock()
            while pending.bytes.isEmpty && !closed { condition.wait() }
            if pending.bytes.isEmpty && closed {
                condition.unlock()
                return
            }
            swap(&batch, &pending)
            if droppedLines > 0 {
                batch.rawJSON("{\"level\":\"WARNING\",\"message\":\"log buffer full, \(droppedLines) lines dropped\"}\n")
                droppedLines = 0
            }
            writing = true
            condition.unlock()

            writeAll(batch.bytes)
            batch.removeAll(keepingCapacity: batch.bytes.capacity <= 1 << 20)

            condition.lock()
            writing = false
            condition.broadcast()
            let stopping = closed
            condition.unlock()
            // Let lines gather before the next write: under load this turns one wake-up and one
            // write per request into one per interval, and a request thread whose line lands
            // while the writer sleeps does not have to wake it. Lines wait at most this long.
            if !stopping && coalescingMicroseconds > 0 { usleep(coalescingMicroseconds) }
        }
    }

    private func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // nowhere left to report it
                }
                offset += written
            }
        }
    }
}
