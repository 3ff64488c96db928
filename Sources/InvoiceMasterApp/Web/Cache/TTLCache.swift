import Synchronization

/// A thread-safe cache with a time to live and least-recently-used eviction. Entries sit in a
/// doubly linked list kept in arrays (no per-entry objects), most recently used at the head.
///
/// `generation` guards against a read racing a write: a reader notes it before loading from the
/// database and stores only if no invalidation happened meanwhile, so a GET that read the old row
/// cannot put it back after a PUT/PATCH/DELETE removed it.
public final class TTLCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    public let capacity: Int
    public let timeToLive: Double
    private let clock: @Sendable () -> Double
    private let state: Mutex<Storage>

    struct Entry {
        var key: Key
        var value: Value
        var expires: Double
        var previous: Int
        var next: Int
    }

    struct Storage: ~Copyable {
        var index: [Key: Int] = [:]
        var entries: [Entry] = []
        var free: [Int] = []
        var head = -1
        var tail = -1
        var generation: UInt64 = 0
    }

    /// A cache that holds nothing when `capacity` or `timeToLive` is 0.
    public init(capacity: Int, timeToLive: Double,
                clock: @escaping @Sendable () -> Double = { Double(UTCClock.monotonicMicroseconds()) / 1_000_000 }) {
        self.capacity = max(0, capacity)
        self.timeToLive = timeToLive
        self.clock = clock
        state = Mutex(Storage())
    }

    public var isEnabled: Bool { capacity > 0 && timeToLive > 0 }

    public var count: Int { state.withLock { $0.index.count } }

    /// The generation to pass to `insert` after loading a value.
    public var generation: UInt64 { state.withLock { $0.generation } }

    public func value(for key: Key) -> Value? {
        guard isEnabled else { return nil }
        let now = clock()
        return state.withLock { storage -> Value? in
            guard let slot = storage.index[key] else { return nil }
            if storage.entries[slot].expires <= now {
                Self.remove(slot: slot, from: &storage)
                return nil
            }
            Self.moveToHead(slot, in: &storage)
            return storage.entries[slot].value
        }
    }

    /// Stores `value` unless an invalidation happened since `generation` was read.
    public func insert(_ value: Value, for key: Key, ifGeneration generation: UInt64) {
        guard isEnabled else { return }
        let expires = clock() + timeToLive
        state.withLock { storage in
            guard storage.generation == generation else { return }
            if let slot = storage.index[key] {
                storage.entries[slot].value = value
                storage.entries[slot].expires = expires
                Self.moveToHead(slot, in: &storage)
                return
            }
            if storage.index.count >= capacity { Self.remove(slot: storage.tail, from: &storage) }
            let entry = Entry(key: key, value: value, expires: expires, previous: -1, next: storage.head)
            let slot: Int
            if let reused = storage.free.popLast() {
                storage.entries[reused] = entry
                slot = reused
            } else {
                storage.entries.append(entry)
                slot = storage.entries.count - 1
            }
            if storage.head >= 0 { storage.entries[storage.head].previous = slot }
            storage.head = slot
            if storage.tail < 0 { storage.tail = slot }
            storage.index[key] = slot
        }
    }

    public func insert(_ value: Value, for key: Key) { insert(value, for: key, ifGeneration: generation) }

    /// Removes `key` and makes readers that started earlier drop what they loaded.
    public func invalidate(_ key: Key) {
        state.withLock { storage in
            storage.generation &+= 1
            if let slot = storage.index[key] { Self.remove(slot: slot, from: &storage) }
        }
    }

    private static func unlink(_ slot: Int, in storage: inout Storage) {
        let entry = storage.entries[slot]
        if entry.previous >= 0 { storage.entries[entry.previous].next = entry.next } else { storage.head = entry.next }
        if entry.next >= 0 { storage.entries[entry.next].previous = entry.previous } else { storage.tail = entry.previous }
    }

    private static func moveToHead(_ slot: Int, in storage: inout Storage) {
        guard storage.head != slot else { return }
        unlink(slot, in: &storage)
        storage.entries[slot].previous = -1
        storage.entries[slot].next = storage.head
        if storage.head >= 0 { storage.entries[storage.head].previous = slot }
        storage.head = slot
        if storage.tail < 0 { storage.tail = slot }
    }

    private static func remove(slot: Int, from storage: inout Storage) {
        unlink(slot, in: &storage)
        storage.index[storage.entries[slot].key] = nil
        storage.free.append(slot)
    }
}
