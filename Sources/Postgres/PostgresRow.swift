import CLibPQ
import Foundation

/// One result row. Values arrive in PostgreSQL's text format and are decoded on access; every
/// accessor exists by column name and by zero-based index, and throws `decodingFailed` when the
/// column is missing, NULL where a value is required, or not of the requested form.
public struct PostgresRow {
    let storage: ResultStorage
    let row: Int32

    // MARK: Column lookup

    public func columnIndex(_ name: String) throws -> Int {
        guard let index = storage.columnIndex[name] else {
            throw PostgresError.decodingFailed("no column named '\(name)' (columns: \(storage.columnNames.joined(separator: ", ")))")
        }
        return index
    }

    public func isNull(_ index: Int) throws -> Bool {
        try checkIndex(index)
        return PQgetisnull(storage.handle, row, Int32(index)) == 1
    }

    public func isNull(_ column: String) throws -> Bool { try isNull(columnIndex(column)) }

    // MARK: Typed accessors by index

    public func optionalString(_ index: Int) throws -> String? {
        try decode(index, as: "text") { String(decoding: $0, as: UTF8.self) }
    }

    public func string(_ index: Int) throws -> String { try required(index, optionalString(index)) }

    public func optionalInt(_ index: Int) throws -> Int? {
        try decode(index, as: "integer", Self.parseInteger)
    }

    public func int(_ index: Int) throws -> Int { try required(index, optionalInt(index)) }

    public func optionalDouble(_ index: Int) throws -> Double? {
        try decode(index, as: "double") { Double(String(decoding: $0, as: UTF8.self)) }
    }

    public func double(_ index: Int) throws -> Double { try required(index, optionalDouble(index)) }

    public func optionalBool(_ index: Int) throws -> Bool? {
        try decode(index, as: "boolean") { bytes -> Bool? in
            guard bytes.count == 1 else { return nil }
            switch bytes[0] {
            case UInt8(ascii: "t"): return true
            case UInt8(ascii: "f"): return false
            default: return nil
            }
        }
    }

    public func bool(_ index: Int) throws -> Bool { try required(index, optionalBool(index)) }

    public func optionalUUID(_ index: Int) throws -> UUID? {
        try decode(index, as: "uuid") { UUID(uuidString: String(decoding: $0, as: UTF8.self)) }
    }

    public func uuid(_ index: Int) throws -> UUID { try required(index, optionalUUID(index)) }

    /// timestamptz → Date, microseconds kept.
    public func optionalDate(_ index: Int) throws -> Date? {
        try decode(index, as: "timestamptz", PostgresTimestamp.parse)
    }

    public func date(_ index: Int) throws -> Date { try required(index, optionalDate(index)) }

    /// numeric as its exact decimal text (no trip through Double).
    public func optionalNumeric(_ index: Int) throws -> String? {
        try decode(index, as: "numeric") { bytes -> String? in
            let text = String(decoding: bytes, as: UTF8.self)
            return text == "NaN" || Double(text) != nil ? text : nil
        }
    }

    public func numeric(_ index: Int) throws -> String { try required(index, optionalNumeric(index)) }

    /// json/jsonb as raw JSON text, ready to embed in a response without re-encoding.
    public func optionalJSON(_ index: Int) throws -> String? { try optionalString(index) }

    public func json(_ index: Int) throws -> String { try required(index, optionalJSON(index)) }

    /// json/jsonb as raw UTF-8 bytes (for JSONSerialization/JSONDecoder or byte-level writers).
    public func jsonBytes(_ index: Int) throws -> [UInt8] {
        try required(index, decode(index, as: "json") { Array($0) })
    }

    /// text[] → [String]; a NULL column is []. NULL elements are refused (use
    /// `optionalTextArray`, or `array_remove(…, NULL)` in SQL) rather than silently dropped.
    public func textArray(_ index: Int) throws -> [String] {
        guard let elements = try optionalTextArray(index) else { return [] }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for element in elements {
            guard let element else {
                throw PostgresError.decodingFailed("column '\(columnName(index))': text[] contains NULL elements")
            }
            strings.append(element)
        }
        return strings
    }

    /// text[] with NULL elements kept as nil; nil for a NULL column.
    public func optionalTextArray(_ index: Int) throws -> [String?]? {
        try decode(index, as: "text[]", PostgresArrayLiteral.decode)
    }

    /// bytea (hex output form) → bytes.
    public func optionalBytes(_ index: Int) throws -> [UInt8]? {
        try decode(index, as: "bytea", Self.decodeHexBytea)
    }

    public func bytes(_ index: Int) throws -> [UInt8] { try required(index, optionalBytes(index)) }

    // MARK: Typed accessors by column name

    public func string(_ column: String) throws -> String { try string(columnIndex(column)) }
    public func optionalString(_ column: String) throws -> String? { try optionalString(columnIndex(column)) }
    public func int(_ column: String) throws -> Int { try int(columnIndex(column)) }
    public func optionalInt(_ column: String) throws -> Int? { try optionalInt(columnIndex(column)) }
    public func double(_ column: String) throws -> Double { try double(columnIndex(column)) }
    public func optionalDouble(_ column: String) throws -> Double? { try optionalDouble(columnIndex(column)) }
    public func bool(_ column: String) throws -> Bool { try bool(columnIndex(column)) }
    public func optionalBool(_ column: String) throws -> Bool? { try optionalBool(columnIndex(column)) }
    public func uuid(_ column: String) throws -> UUID { try uuid(columnIndex(column)) }
    public func optionalUUID(_ column: String) throws -> UUID? { try optionalUUID(columnIndex(column)) }
    public func date(_ column: String) throws -> Date { try date(columnIndex(column)) }
    public func optionalDate(_ column: String) throws -> Date? { try optionalDate(columnIndex(column)) }
    public func numeric(_ column: String) throws -> String { try numeric(columnIndex(column)) }
    public func optionalNumeric(_ column: String) throws -> String? { try optionalNumeric(columnIndex(column)) }
    public func json(_ column: String) throws -> String { try json(columnIndex(column)) }
    public func optionalJSON(_ column: String) throws -> String? { try optionalJSON(columnIndex(column)) }
    public func jsonBytes(_ column: String) throws -> [UInt8] { try jsonBytes(columnIndex(column)) }
    public func textArray(_ column: String) throws -> [String] { try textArray(columnIndex(column)) }
    public func optionalTextArray(_ column: String) throws -> [String?]? { try optionalTextArray(columnIndex(column)) }
    public func bytes(_ column: String) throws -> [UInt8] { try bytes(columnIndex(column)) }
    public func optionalBytes(_ column: String) throws -> [UInt8]? { try optionalBytes(columnIndex(column)) }

    // MARK: Decoding machinery

    /// nil for SQL NULL; the parsed value otherwise; throws when `parse` rejects the text.
    private func decode<T>(_ index: Int, as typeName: String,
                           _ parse: (UnsafeBufferPointer<UInt8>) -> T?) throws -> T? {
        try checkIndex(index)
        let column = Int32(index)
        if PQgetisnull(storage.handle, row, column) == 1 { return nil }
        let length = Int(PQgetlength(storage.handle, row, column))
        let value = UnsafeRawPointer(PQgetvalue(storage.handle, row, column)!)
        let bytes = UnsafeBufferPointer(start: value.assumingMemoryBound(to: UInt8.self), count: length)
        guard let parsed = parse(bytes) else {
            let preview = String(decoding: bytes.prefix(64), as: UTF8.self)
            throw PostgresError.decodingFailed("column '\(columnName(index))': '\(preview)' is not a valid \(typeName)")
        }
        return parsed
    }

    private func required<T>(_ index: Int, _ value: T?) throws -> T {
        guard let value else {
            throw PostgresError.decodingFailed("column '\(columnName(index))' is NULL")
        }
        return value
    }

    private func checkIndex(_ index: Int) throws {
        guard index >= 0, index < storage.columnNames.count else {
            throw PostgresError.decodingFailed("column index \(index) out of range (\(storage.columnNames.count) columns)")
        }
    }

    private func columnName(_ index: Int) -> String {
        index >= 0 && index < storage.columnNames.count ? storage.columnNames[index] : "#\(index)"
    }

    /// Decimal integer text (int2/int4/int8 output), read in place: no String per value.
    private static func parseInteger(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let negative = text.first == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < text.count else { return nil }
        var value = 0
        while index < text.count {
            let digit = Int(text[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            let (scaled, overflowScale) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowAdd) = negative ? scaled.subtractingReportingOverflow(digit) : scaled.addingReportingOverflow(digit)
            if overflowScale || overflowAdd { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// `\x` followed by hex digit pairs (bytea_output = hex, the default since PostgreSQL 9.0).
    private static func decodeHexBytea(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count >= 2, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x"),
              text.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((text.count - 2) / 2)
        var index = 2
        while index < text.count {
            guard let high = hexValue(text[index]), let low = hexValue(text[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
