/// `N G R`: the number and generation of an indirect object.
public struct PDFObjectID: Hashable, Sendable, CustomStringConvertible {
    public var number: Int
    public var generation: Int
    public init(number: Int, generation: Int) { self.number = number; self.generation = generation }
    public var description: String { "\(number) \(generation) R" }
}

/// A PDF object (ISO 32000-2 §7.3). Strings are raw bytes: their meaning depends on where they sit
/// (text in a content stream is decoded through the font, not as PDFDocEncoding).
/// Only the stream case is boxed: operands and dictionary values (numbers, names, strings) are then
/// stored inline instead of each costing a heap allocation.
public enum PDFObject: Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case real(Double)
    case string([UInt8])
    case name(String)
    case array([PDFObject])
    case dictionary(PDFDictionary)
    indirect case stream(PDFStream)
    case reference(PDFObjectID)

    public var intValue: Int? {
        switch self {
        case .integer(let v): return v
        case .real(let v) where v.isFinite && abs(v) < 1e15: return Int(v)
        default: return nil
        }
    }
    public var numberValue: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .real(let v): return v
        default: return nil
        }
    }
    public var nameValue: String? { if case .name(let v) = self { return v }; return nil }
    public var stringBytes: [UInt8]? { if case .string(let v) = self { return v }; return nil }
    public var arrayValue: [PDFObject]? { if case .array(let v) = self { return v }; return nil }
    public var boolValue: Bool? { if case .bool(let v) = self { return v }; return nil }
    public var referenceValue: PDFObjectID? { if case .reference(let v) = self { return v }; return nil }
    /// The dictionary of a dictionary or of a stream.
    public var dictionaryValue: PDFDictionary? {
        switch self {
        case .dictionary(let d): return d
        case .stream(let s): return s.dictionary
        default: return nil
        }
    }
    public var streamValue: PDFStream? { if case .stream(let v) = self { return v }; return nil }
    public var isNull: Bool { if case .null = self { return true }; return false }
}

/// A dictionary; keys are names without the leading slash.
public struct PDFDictionary: Sendable {
    public var entries: [String: PDFObject]
    public init(_ entries: [String: PDFObject] = [:]) { self.entries = entries }
    public subscript(key: String) -> PDFObject? {
        get { entries[key] }
        set { entries[key] = newValue }
    }
    /// `/Type` as a name, when present.
    public var type: String? { entries["Type"]?.nameValue }
}

/// A stream: its dictionary and its still-encoded (and possibly encrypted) bytes.
public struct PDFStream: Sendable {
    public var dictionary: PDFDictionary
    public var rawData: ArraySlice<UInt8>
    /// The indirect object the stream came from; decryption keys depend on it.
    public var objectID: PDFObjectID?
    public init(dictionary: PDFDictionary, rawData: ArraySlice<UInt8>, objectID: PDFObjectID?) {
        self.dictionary = dictionary; self.rawData = rawData; self.objectID = objectID
    }
}
