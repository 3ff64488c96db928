#if canImport(Glibc)
import Glibc
#endif

/// Response bytes waiting to be written to a socket. Small responses (the common case) are
/// appended to one buffer and leave in one `write`; large bodies are queued as their own
/// segment and go out with the heads around them in one `writev`, without being copied.
struct OutputQueue {
    enum WriteResult {
        case done
        case wouldBlock
        case failed
    }

    /// Bodies at least this large are queued rather than copied.
    static let largeBodyBytes = 32 * 1024
    /// Above this much pending output the connection stops reading new requests.
    static let highWaterBytes = 1 << 20

    /// Segments ahead of `tail`, in order.
    private var segments: [[UInt8]] = []
    /// The buffer small writes are appended to; its capacity is reused across responses.
    var tail: [UInt8] = []
    /// Bytes of the first pending segment (or of `tail`, when there are none) already written.
    private var sentOffset = 0
    private(set) var pendingBytes = 0

    var isEmpty: Bool { pendingBytes == 0 }

    mutating func append(_ bytes: [UInt8]) {
        if bytes.count >= Self.largeBodyBytes {
            if !tail.isEmpty {
                segments.append(tail)
                tail = []
            }
            segments.append(bytes)
            pendingBytes += bytes.count
        } else {
            tail.append(contentsOf: bytes)
            pendingBytes += bytes.count
        }
    }

    /// Appends through a closure that writes into `tail`; the closure must only append.
    mutating func appendInPlace(_ body: (inout [UInt8]) -> Void) {
        let before = tail.count
        body(&tail)
        pendingBytes += tail.count - before
    }

    /// Writes as much as the socket takes.
    mutating func write(to fd: Int32) -> WriteResult {
        while pendingBytes > 0 {
            let written: Int
            if segments.isEmpty {
                written = tail.withUnsafeBytes { bytes in
                    Glibc.write(fd, bytes.baseAddress! + sentOffset, bytes.count - sentOffset)
                }
            } else {
                written = writeGathered(to: fd)
            }
            if written < 0 {
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK: return .wouldBlock
                default: return .failed  // EPIPE, ECONNRESET and friends: the peer is gone
                }
            }
            advance(by: written)
        }
        return .done
    }

    private func writeGathered(to fd: Int32) -> Int {
        let maxVectors = 64
        var vectors = [iovec]()
        vectors.reserveCapacity(min(segments.count + 1, maxVectors))
        // The arrays stay alive in `segments` and `tail` for the duration of the call.
        for (index, segment) in segments.prefix(maxVectors - 1).enumerated() {
            segment.withUnsafeBytes { bytes in
                let skip = index == 0 ? sentOffset : 0
                vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress! + skip),
                                     iov_len: bytes.count - skip))
            }
        }
        if segments.count < maxVectors && !tail.isEmpty {
            tail.withUnsafeBytes { bytes in
                vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress!), iov_len: bytes.count))
            }
        }
        return writev(fd, vectors, Int32(vectors.count))
    }

    private mutating func advance(by written: Int) {
        pendingBytes -= written
        var remaining = written
        while remaining > 0, !segments.isEmpty {
            let left = segments[0].count - sentOffset
            if remaining >= left {
                remaining -= left
                segments.removeFirst()
                sentOffset = 0
            } else {
                sentOffset += remaining
                return
            }
        }
        sentOffset += remaining
        if pendingBytes == 0 {
            tail.removeAll(keepingCapacity: tail.capacity <= Self.highWaterBytes)
            sentOffset = 0
        }
    }
}
