/// Character classes of PDF syntax (ISO 32000-2 §7.2.3): white-space, delimiters, regular bytes.
enum ByteClass {
    // Bit masks over byte values 0–63 and 64–127: literal constants, so the hot lexer loops need
    // no table (a global table costs a lazy-initialisation check on every access).
    private static let whitespaceLow: UInt64 = 1 << 0 | 1 << 9 | 1 << 10 | 1 << 12 | 1 << 13 | 1 << 32
    private static let delimiterLow: UInt64 = 1 << 37 | 1 << 40 | 1 << 41 | 1 << 47 | 1 << 60 | 1 << 62 // % ( ) / < >
    private static let delimiterHigh: UInt64 = 1 << 27 | 1 << 29 | 1 << 59 | 1 << 61 // [ ] { }

    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool {
        b < 64 && (whitespaceLow >> UInt64(b)) & 1 == 1
    }
    @inline(__always) static func isDelimiter(_ b: UInt8) -> Bool {
        if b < 64 { return (delimiterLow >> UInt64(b)) & 1 == 1 }
        if b < 128 { return (delimiterHigh >> UInt64(b - 64)) & 1 == 1 }
        return false
    }
    @inline(__always) static func isRegular(_ b: UInt8) -> Bool {
        if b < 64 { return ((whitespaceLow | delimiterLow) >> UInt64(b)) & 1 == 0 }
        if b < 128 { return (delimiterHigh >> UInt64(b - 64)) & 1 == 0 }
        return true
    }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// Value of a hexadecimal digit, or nil.
    @inline(__always) static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
}

/// Byte-level search helpers used by the file-structure code.
enum ByteSearch {
    /// First index of `needle` in `bytes[from..<to]`, or nil.
    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from: Int, to: Int) -> Int? {
        let upper = min(to, bytes.count) - needle.count
        guard !needle.isEmpty, from >= 0, upper >= from else { return nil }
        let first = needle[0]
        var i = from
        while i <= upper {
            if bytes[i] == first {
                var k = 1
                while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Last index of `needle` starting in `bytes[from..<to]`, or nil.
    static func lastIndex(of needle: [UInt8], in bytes: [UInt8], from: Int, to: Int) -> Int? {
        guard !needle.isEmpty else { return nil }
        var i = min(to, bytes.count) - needle.count
        let lower = max(0, from)
        while i >= lower {
            var k = 0
            while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
            if k == needle.count { return i }
            i -= 1
        }
        return nil
    }

    /// Whether `bytes[at...]` starts with `word`.
    @inline(__always) static func matches(_ word: [UInt8], in bytes: [UInt8], at: Int) -> Bool {
        guard at >= 0, at <= bytes.count - word.count else { return false }
        for k in 0..<word.count where bytes[at + k] != word[k] { return false }
        return true
    }
}
