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
    private var pending: [UInt8] = []
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

    /// Queues one line; `line` must not contain a newline (it is added).
    public func write(line: [UInt8]) {
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { return }
        if pending.count + line.count > maxBufferedBytes {
            droppedLines += 1
            return
        }
        let wasEmpty = pending.isEmpty
        pending.append(contentsOf: line)
        pending.append(0x0A)
        if wasEmpty { condition.broadcast() }
    }

    /// Returns once everything queued so far has been written.
    public func flush() {
        condition.lock()
        while !pending.isEmpty || writing { condition.wait() }
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
        var batch: [UInt8] = []
        while true {
            condition.lock()
            while pending.isEmpty && !closed { condition.wait() }
            if pending.isEmpty && closed {
                condition.unlock()
                return
            }
            swap(&batch, &pending)
            if droppedLines > 0 {
                batch.append(contentsOf: "{\"level\":\"WARNING\",\"message\":\"log buffer full, \(droppedLines) lines dropped\"}\n".utf8)
                droppedLines = 0
            }
            writing = true
            condition.unlock()

            writeAll(batch)
            batch.removeAll(keepingCapacity: batch.capacity <= 1 << 20)

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
