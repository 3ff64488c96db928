/// Per-connection map from (SQL, parameter types) to a server-side prepared statement name,
/// bounded with least-recently-used eviction so ad-hoc SQL cannot grow server memory forever.
struct PreparedStatementCache {
    struct Key: Hashable {
        let sql: String
        let parameterTypes: [UInt32]
    }

    private var entries: [Key: (name: String, lastUse: UInt64)] = [:]
    private var clock: UInt64 = 0
    private var nextNumber = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    mutating func lookup(_ key: Key) -> String? {
        guard let entry = entries[key] else { return nil }
        clock += 1
        entries[key] = (entry.name, clock)
        return entry.name
    }

    /// A fresh statement name for `key`, not yet recorded (record it once PQprepare succeeded).
    mutating func makeName() -> String {
        nextNumber += 1
        return "im_s\(nextNumber)"
    }

    /// Records a prepared statement; returns the name of one evicted to stay within capacity.
    mutating func insert(_ key: Key, name: String) -> String? {
        clock += 1
        var evicted: String?
        if entries.count >= capacity,
           let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            entries[oldest.key] = nil
            evicted = oldest.value.name
        }
        entries[key] = (name, clock)
        return evicted
    }

    mutating func remove(_ key: Key) { entries[key] = nil }

    mutating func removeAll() { entries.removeAll() }
}
