/// Header fields of a request or response, in arrival order, multi-valued.
/// Names compare case-insensitively (RFC 9110 §5.1); the original spelling is kept for output.
public struct HTTPHeaders: Sendable, Sequence {
    public typealias Element = (name: String, value: String)
    @usableFromInline var fields: [(name: String, value: String)]

    public init() { fields = [] }
    public init(_ fields: [(String, String)]) { self.fields = fields.map { (name: $0.0, value: $0.1) } }

    public var count: Int { fields.count }
    public var isEmpty: Bool { fields.isEmpty }
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    /// Appends a field, keeping any earlier ones of the same name.
    public mutating func add(name: String, value: String) { fields.append((name: name, value: value)) }

    /// Replaces every field of this name with one field.
    public mutating func replaceOrAdd(name: String, value: String) {
        remove(name: name)
        fields.append((name: name, value: value))
    }

    public mutating func remove(name: String) {
        fields.removeAll { Self.equalsIgnoringCase($0.name, name) }
    }

    /// The first value of the field, or nil.
    public subscript(name: String) -> String? {
        for field in fields where Self.equalsIgnoringCase(field.name, name) { return field.value }
        return nil
    }

    /// Every value of the field, in arrival order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.equalsIgnoringCase($0.name, name) }.map(\.value)
    }

    public func contains(name: String) -> Bool { self[name] != nil }

    /// ASCII case-insensitive comparison; header names are tokens, so ASCII is enough.
    @inlinable
    public static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        if a.utf8.count != b.utf8.count { return false }
        for (x, y) in zip(a.utf8, b.utf8) where x != y {
            let lx = (x >= 65 && x <= 90) ? x | 0x20 : x
            let ly = (y >= 65 && y <= 90) ? y | 0x20 : y
            if lx != ly { return false }
        }
        return true
    }
}
