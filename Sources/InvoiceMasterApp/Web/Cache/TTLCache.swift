/// A thread-safe cache with a time to live and least-recently-used eviction. Large caches are
/// split into segments by key hash, each with its own lock and LRU list, so threads rarely wait
/// for each other; eviction is least-recently-used within a segment. Entries sit in a doubly
/// linked list kept in arrays (no per-entry objects), most recently used at the head.
///
/// Generations guard against a read racing a write: a reader notes `generation(for:)` before
/// loading from the database and stores only if no invalidation happened meanwhile, so a GET
/// that read the old row cannot put it back after a PUT/PATCH/DELETE removed it.
public final class TTLCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    public let capacity: Int
    public let timeToLive: Double
    private let clock: @Sendable () -> Double
    private let segments: [Segment]

    final class Segment: @unchecked Sendable {
        let lock = Lock()
        var storage: LRUStorage<Key, Value>  // guarded by `lock`
        init(capacity: Int) { storage = LRUStorage(capacity: capacity) }
    }

    /// Caches smaller than this keep one exact LRU order.
    static var segmentThreshold: Int { 1024 }

    /// A cache that holds nothing when `capacity` or `timeToLive` is 0.
    public init(capacity: Int, timeToLive: Double,
                clock: @escaping @Sendable () -> Double = { Double(UTCClock.monotonicMicroseconds()) / 1_000_000 }) {
        let capacity = max(0, capacity)
        self.capacity = capacity
        self.timeToLive = timeToLive
        self.clock = clock
        let count = capacity >= Self.segmentThreshold ? 16 : 1
        segments = (0..<count).map { _ in Segment(capacity: (capacity + count - 1) / count) }
    }

    public var isEnabled: Bool { capacity > 0 && timeToLive > 0 }

    public var count: Int { segments.reduce(0) { total, segment in total + segment.lock.withLock { segment.storage.count } } }

    private func segment(for key: Key) -> Segment {
        segments.count == 1 ? segments[0] : segments[Int(UInt(bitPattern: key.hashValue) % UInt(segments.count))]
    }

    /// The generation to pass to `insert` after loading the value for `key`.
    public func generation(for key: Key) -> UInt64 {
        let segment = segment(for: key)
        return segment.lock.withLock { segment.storage.generation }
    }

    public func value(for key: Key) -> Value? {
        guard isEnabled else { return nil }
        let now = clock()
        let segment = segment(for: key)
        return segment.lock.withLock { segment.storage.value(for: key, now: now) }
    }

    /// Stores `value` unless `key` was invalidated since `generation` was read.
    public func insert(_ value: Value, for key: Key, ifGeneration generation: UInt64) {
        guard isEnabled else { return }
        let expires = clock() + timeToLive
        let segment = segment(for: key)
        segment.lock.withLock {
            guard segment.storage.generation == generation else { return }
            segment.storage.insert(value, for: key, expires: expires)
        }
    }

    public func insert(_ value: Value, for key: Key) { insert(value, for: key, ifGeneration: generation(for: key)) }

    /// Removes `key` and makes readers of it that started earlier drop what they loaded.
    public func invalidate(_ key: Key) {
        let segment = segment(for: key)
        segment.lock.withLock { segment.storage.invalidate(key) }
    }

    /// Empties the cache and makes every reader that started earlier drop what it loaded.
    public func removeAll() {
        for segment in segments { segment.lock.withLock { segment.storage.removeAll() } }
    }
}

/// One LRU list with expiry; not thread-safe (its owner locks).
struct LRUStorage<Key: Hashable, Value> {
    struct Entry {
        var key: Key
        var value: Value
        var expires: Double
        var previous: Int
        var next: Int
    }

    let capacity: Int
    private var index: [Key: Int] = [:]
    private var entries: [Entry] = []
    private var free: [Int] = []
    private var head = -1
    private var tail = -1
    /// Bumped by every invalidation.
    private(set) var generation: UInt64 = 0

    init(capacity: Int) { self.capacity = capacity }

    var count: Int { index.count }

    mutating func value(for key: Key, now: Double) -> Value? {
        guard let slot = index[key] else { return nil }
        if entries[slot].expires <= now {
            remove(slot: slot)
            return nil
        }
        moveToHead(slot)
        return entries[slot].value
    }

    mutating func insert(_ value: Value, for key: Key, expires: Double) {
        guard capacity > 0 else { return }
        if let slot = index[key] {
            entries[slot].value = value
            entries[slot].expires = expires
            moveToHead(slot)
            return
        }
        if index.count >= capacity { remove(slot: tail) }
        let entry = Entry(key: key, value: value, expires: expires, previous: -1, next: head)
        let slot: Int
        if let reused = free.popLast() {
            entries[reused] = entry
            slot = reused
        } else {
            entries.append(entry)
            slot = entries.count - 1
        }
        if head >= 0 { entries[head].previous = slot }
        head = slot
        if tail < 0 { tail = slot }
        index[key] = slot
    }

    mutating func invalidate(_ key: Key) {
        generation &+= 1
        if let slot = index[key] { remove(slot: slot) }
    }

    mutating func removeAll() {
        generation &+= 1
        index.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        free.removeAll(keepingCapacity: true)
        head = -1
        tail = -1
    }

    private mutating func unlink(_ slot: Int) {
        let entry = entries[slot]
        if entry.previous >= 0 { entries[entry.previous].next = entry.next } else { head = entry.next }
        if entry.next >= 0 { entries[entry.next].previous = entry.previous } else { tail = entry.previous }
    }

    private mutating func moveToHead(_ slot: Int) {
        guard head != slot else { return }
        unlink(slot)
        entries[slot].previous = -1
        entries[slot].next = head
        if head >= 0 { entries[head].previous = slot }
        head = slot
        if tail < 0 { tail = slot }
    }

    private mutating func remove(slot: Int) {
        unlink(slot)
        index[entries[slot].key] = nil
        free.append(slot)
    }
}
