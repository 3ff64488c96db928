import Foundation

/// A statement parameter. Every value travels separately from the SQL text (never spliced in).
public enum PostgresValue: Sendable, Equatable {
    case null
    case text(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case uuid(UUID)
    /// JSON text, sent as `jsonb`.
    case jsonb(String)
    case textArray([String])
    case timestamptz(Date)
    case bytea([UInt8])
}

extension PostgresValue {
    /// The parameter type announced to the server. `text` and `null` go out as 0 ("unknown"),
    /// like a quoted literal, so the server infers the type from context: a string compared to
    /// a uuid or enum column just works, and no text → uuid assignment cast is needed.
    var typeOID: UInt32 {
        switch self {
        case .null, .text: return 0
        case .int: return 20            // int8
        case .double: return 701        // float8
        case .bool: return 16
        case .uuid: return 2950
        case .jsonb: return 3802
        case .textArray: return 1009    // text[]
        case .timestamptz: return 1184
        case .bytea: return 17
        }
    }

    /// bytea goes out in binary (the raw bytes); everything else in text format.
    var isBinary: Bool {
        if case .bytea = self { return true }
        return false
    }

    /// Appends the wire form to `buffer`; returns false for SQL NULL (nothing appended).
    func encode(into buffer: inout [UInt8]) -> Bool {
        switch self {
        case .null:
            return false
        case .text(let string), .jsonb(let string):
            buffer.append(contentsOf: string.utf8)
        case .int(let value):
            buffer.append(contentsOf: String(value).utf8)
        case .double(let value):
            buffer.append(contentsOf: Self.floatText(value).utf8)
        case .bool(let value):
            buffer.append(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .uuid(let value):
            buffer.append(contentsOf: value.uuidString.utf8)
        case .textArray(let elements):
            PostgresArrayLiteral.encode(elements, into: &buffer)
        case .timestamptz(let date):
            buffer.append(contentsOf: PostgresTimestamp.format(date).utf8)
        case .bytea(let bytes):
            buffer.append(contentsOf: bytes)
        }
        return true
    }

    /// float8 input spells the special values its own way.
    private static func floatText(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return "\(value)"
    }
}
