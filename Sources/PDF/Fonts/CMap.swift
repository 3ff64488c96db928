/// A CMap (ISO 32000-2 §9.7.5, Adobe TN 5014/5411): how a string's bytes split into codes
/// (codespace ranges) and what each code means — Unicode text for a ToUnicode CMap,
/// a CID for an encoding CMap.
public struct CMap: Sendable {
    /// A codespace range: codes of `length` bytes whose every byte lies between the bounds' bytes.
    public struct CodespaceRange: Sendable, Equatable {
        public var low: [UInt8]
        public var high: [UInt8]
        public var length: Int { low.count }
        func contains(_ bytes: ArraySlice<UInt8>) -> Bool {
            guard bytes.count == low.count else { return false }
            var k = 0
            for byte in bytes {
                if byte < low[k] || byte > high[k] { return false }
                k += 1
            }
            return true
        }
    }

    /// `bfrange` with a start destination: code `low + i` maps to `start` with its last
    /// UTF-16 unit increased by `i`.
    struct UnicodeRange: Sendable {
        var low: UInt32
        var high: UInt32
        var start: [UInt16]
    }

    struct CIDRange: Sendable {
        var low: UInt32
        var high: UInt32
        var firstCID: UInt32
    }

    public var name: String?
    /// The CMap named by `usecmap`, whose mappings this one extends.
    public var usedCMapName: String?
    /// 0 horizontal, 1 vertical.
    public var writingMode: Int = 0
    public var codespaceRanges: [CodespaceRange] = []
    var unicodeByCode: [UInt32: String] = [:]
    var unicodeRanges: [UnicodeRange] = []
    var cidByCode: [UInt32: UInt32] = [:]
    var cidRanges: [CIDRange] = []

    public init() {}

    /// Whether this CMap maps codes to CIDs (an encoding CMap) rather than to Unicode only.
    public var hasCIDMappings: Bool { !cidByCode.isEmpty || !cidRanges.isEmpty }

    /// The Unicode text for `code`, or nil when the CMap does not map it.
    public func unicode(for code: UInt32) -> String? {
        if let text = unicodeByCode[code] { return text }
        for range in unicodeRanges where code >= range.low && code <= range.high {
            var units = range.start
            if !units.isEmpty {
                let offset = UInt64(code - range.low)
                let last = UInt64(units[units.count - 1]) + offset
                // Offsets that overflow the last unit carry into the one before it, as
                // pdf.js and poppler do for ranges that cross a 256-boundary.
                units[units.count - 1] = UInt16(truncatingIfNeeded: last)
                if last > 0xFFFF, units.count >= 2 {
                    units[units.count - 2] &+= UInt16(truncatingIfNeeded: last >> 16)
                }
            }
            return CMap.string(fromUTF16: units)
        }
        return nil
    }

    /// The CID for `code`, or nil when the CMap does not map it.
    public func cid(for code: UInt32) -> UInt32? {
        if let cid = cidByCode[code] { return cid }
        for range in cidRanges where code >= range.low && code <= range.high {
            return range.firstCID &+ (code - range.low)
        }
        return nil
    }

    /// The next code in `bytes` at `index`: its value and byte length. Bytes that fit no
    /// codespace range are consumed as one code of the shortest length, so that a broken
    /// string still advances and keeps its glyph positions.
    @inline(__always)
    public func nextCode(in bytes: [UInt8], at index: Int) -> (code: UInt32, length: Int) {
        if codespaceRanges.isEmpty {
            return CMap.readCode(bytes, index, length: 2)
        }
        for range in codespaceRanges where index + range.length <= bytes.count {
            if range.contains(bytes[index..<index + range.length]) {
                return CMap.readCode(bytes, index, length: range.length)
            }
        }
        let shortest = codespaceRanges.map(\.length).min() ?? 1
        return CMap.readCode(bytes, index, length: shortest)
    }

    @inline(__always)
    static func readCode(_ bytes: [UInt8], _ index: Int, length: Int) -> (code: UInt32, length: Int) {
        let end = min(bytes.count, index + max(1, length))
        var code: UInt32 = 0
        var i = index
        while i < end { code = code << 8 | UInt32(bytes[i]); i += 1 }
        return (code, end - index)
    }

    /// Decodes UTF-16BE code units, replacing unpaired surrogates with U+FFFD.
    static func string(fromUTF16 units: [UInt16]) -> String {
        // Fast path: one code unit outside the surrogate range, by far the usual destination.
        if units.count == 1, let scalar = Unicode.Scalar(units[0]) { return String(Character(scalar)) }
        var text = ""
        for scalar in Unicode.UTF16.decode(units) { text.unicodeScalars.append(scalar) }
        return text
    }
}

extension Unicode.UTF16 {
    /// Scalars of a UTF-16 sequence, with U+FFFD for ill-formed units.
    static func decode(_ units: [UInt16]) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        var iterator = units.makeIterator()
        var decoder = Unicode.UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error: scalars.append("\u{FFFD}")
            }
        }
        return scalars
    }
}
