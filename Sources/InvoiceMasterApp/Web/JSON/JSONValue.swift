/// A parsed JSON document. Numbers keep their source text so nothing is lost or reformatted on
/// the way to PostgreSQL (`1.10` stays `1.10`, big integers stay exact); objects keep member order.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// A name for error messages: "a string", "an array", ...
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// True when any string or member name in the value contains U+0000, which PostgreSQL
    /// text and jsonb cannot store.
    public var containsNulCharacter: Bool {
        switch self {
        case .null, .bool, .number: return false
        case .string(let s): return s.utf8.contains(0)
        case .array(let items): return items.contains { $0.containsNulCharacter }
        case .object(let object):
            return object.members.contains { $0.name.utf8.contains(0) || $0.value.containsNulCharacter }
        }
    }
}

/// A JSON object: members in order, names unique (a repeated name keeps its last value, as most
/// parsers do).
public struct JSONObject: Equatable, Sendable {
    public private(set) var members: [(name: String, value: JSONValue)]

    public init() { members = [] }

    public init(_ pairs: [(String, JSONValue)]) {
        members = []
        for (name, value) in pairs { self[name] = value }
    }

    public var isEmpty: Bool { members.isEmpty }
    public var count: Int { members.count }

    public subscript(name: String) -> JSONValue? {
        get { members.first { $0.name == name }?.value }
        set {
            if let index = members.firstIndex(where: { $0.name == name }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((name: name, value: newValue))
            }
        }
    }

    public func contains(_ name: String) -> Bool { members.contains { $0.name == name } }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.members.count == b.members.count
            && a.members.allSatisfy { member in b[member.name] == member.value }
    }
}

extension JSONValue {
    /// RFC 7396 MergePatch(target, patch): an object patch merges member by member, a null
    /// member removes the key, anything else replaces the target.
    public func mergePatched(with patch: JSONValue) -> JSONValue {
        guard case .object(let patchObject) = patch else { return patch }
        var result = objectValue ?? JSONObject()
        for (name, value) in patchObject.members {
            if value == .null {
                result[name] = nil
            } else {
                result[name] = (result[name] ?? .null).mergePatched(with: value)
            }
        }
        return .object(result)
    }
}
