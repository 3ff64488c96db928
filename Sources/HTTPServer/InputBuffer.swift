#if canImport(Glibc)
import Glibc
#endif

/// Bytes read from a connection and not yet parsed. Reads go straight into its spare capacity;
/// parsed bytes are consumed from the front. Storage is allocated on first use and given back
/// when it has grown large and emptied, so idle connections cost little memory.
final class InputBuffer {
    private var storage: UnsafeMutableRawPointer?
    private(set) var capacity = 0
    private var start = 0
    private var end = 0

    static let initialCapacity = 4096
    /// Capacity above which an emptied buffer is released rather than kept.
    static let retainedCapacity = 64 * 1024

    init() {}

    deinit { storage?.deallocate() }

    var readableCount: Int { end - start }
    var isEmpty: Bool { end == start }

    var readable: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage.map { $0 + start }, count: end - start)
    }

    func consume(_ count: Int) {
        start += count
        if start == end {
            start = 0
            end = 0
            if capacity > Self.retainedCapacity { release() }
        }
    }

    /// Spare capacity of at least `minimum` bytes at the end, compacting or growing as needed.
    func writableSpace(minimum: Int = 2048) -> UnsafeMutableRawBufferPointer {
        if capacity - end < minimum {
            if start > 0 {
                if end > start { memmove(storage!, storage! + start, end - start) }
                end -= start
                start = 0
            }
            if capacity - end < minimum {
                var newCapacity = max(capacity * 2, Self.initialCapacity)
                while newCapacity - end < minimum { newCapacity *= 2 }
                let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
                if let storage {
                    newStorage.copyMemory(from: storage, byteCount: end)
                    storage.deallocate()
                }
                storage = newStorage
                capacity = newCapacity
            }
        }
        return UnsafeMutableRawBufferPointer(start: storage! + end, count: capacity - end)
    }

    /// Records that `count` bytes were written into `writableSpace`.
    func commitWritten(_ count: Int) { end += count }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        let space = writableSpace(minimum: bytes.count)
        space.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        commitWritten(bytes.count)
    }

    func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

    /// Drops everything and frees the storage.
    func release() {
        storage?.deallocate()
        storage = nil
        capacity = 0
        start = 0
        end = 0
    }
}
