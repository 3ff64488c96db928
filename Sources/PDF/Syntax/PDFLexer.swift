/// Splits PDF bytes into tokens (ISO 32000-2 §7.2–7.3). Works on the shared byte array by index;
/// every loop advances `position` and stops at `end`, so hostile input cannot hang it.
struct PDFLexer {
    let bytes: [UInt8]
    var position: Int
    let end: Int

    init(bytes: [UInt8], position: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.end = min(end ?? bytes.count, bytes.count)
        self.position = max(0, min(position, self.end))
    }

    /// Skips white-space and comments.
    mutating func skipWhitespace() {
        while position < end {
            let b = bytes[position]
            if ByteClass.isWhitespace(b) {
                position += 1
            } else if b == 0x25 { // % comment to end of line
                while position < end && bytes[position] != 0x0A && bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// Whether the keyword token's bytes equal `word`.
    @inline(__always) func keyword(_ range: Range<Int>, is word: [UInt8]) -> Bool {
        guard range.count == word.count else { return false }
        var i = range.lowerBound
        for w in word {
            if bytes[i] != w { return false }
            i += 1
        }
        return true
    }

    mutating func next() -> PDFToken {
        skipWhitespace()
        guard position < end else { return .endOfInput }
        let b = bytes[position]
        switch b {
        case 0x28: // (
            position += 1
            return .string(readLiteralString())
        case 0x3C: // <
            if position + 1 < end && bytes[position + 1] == 0x3C {
                position += 2
                return .dictionaryStart
            }
            position += 1
            return .string(readHexString())
        case 0x3E: // >
            if position + 1 < end && bytes[position + 1] == 0x3E {
                position += 2
                return .dictionaryEnd
            }
            position += 1
            return .stray
        case 0x5B: position += 1; return .arrayStart
        case 0x5D: position += 1; return .arrayEnd
        case 0x2F: // /
            position += 1
            return .name(readName())
        case 0x29, 0x7B, 0x7D: // ) { }
            position += 1
            return .stray
        default:
            let start = position
            while position < end && ByteClass.isRegular(bytes[position]) { position += 1 }
            // Only runs starting like a number can be one; operators skip the attempt.
            if ByteClass.isDigit(b) || b == 0x2D || b == 0x2B || b == 0x2E,
               let number = Self.parseNumber(bytes, start, position) {
                return number
            }
            return .keyword(start..<position)
        }
    }

    /// A number token from `bytes[start..<end]`, or nil when the run is not numeric.
    /// Tolerates what real files contain: repeated signs (`--5`), a lone `.`, and integers too
    /// large for `Int` (they become reals instead of overflowing).
    static func parseNumber(_ bytes: [UInt8], _ start: Int, _ end: Int) -> PDFToken? {
        var i = start
        var negative = false
        while i < end && (bytes[i] == 0x2D || bytes[i] == 0x2B) {
            if bytes[i] == 0x2D { negative.toggle() }
            i += 1
        }
        guard i < end else { return nil }
        var intPart = 0
        var overflowed = false
        var wide = 0.0
        var sawDigit = false
        // Up to 18 digits cannot overflow: the common case skips the overflow checks.
        while i < end && ByteClass.isDigit(bytes[i]) && i - start < 18 {
            intPart = intPart &* 10 &+ Int(bytes[i] &- 0x30)
            sawDigit = true
            i += 1
        }
        while i < end && ByteClass.isDigit(bytes[i]) {
            let d = Int(bytes[i] - 0x30)
            sawDigit = true
            if !overflowed {
                let (m, o1) = intPart.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(d)
                if o1 || o2 { overflowed = true; wide = Double(intPart) * 10 + Double(d) } else { intPart = s }
            } else {
                wide = wide * 10 + Double(d)
            }
            i += 1
        }
        if i == end {
            guard sawDigit else { return nil }
            if overflowed { return .real(negative ? -wide : wide) }
            return .integer(negative ? -intPart : intPart)
        }
        guard bytes[i] == 0x2E else { return nil } // .
        i += 1
        // Fraction digits as an integer over a power of ten: exact for the short decimals PDFs hold.
        var fractionDigits = 0
        var digitCount = 0
        while i < end && ByteClass.isDigit(bytes[i]) {
            if digitCount < 17 {
                fractionDigits = fractionDigits * 10 + Int(bytes[i] - 0x30)
                digitCount += 1
            }
            i += 1
        }
        guard i == end else { return nil } // a lone `.` reads as 0, as other readers do
        var scale = 1.0
        for _ in 0..<digitCount { scale *= 10 } // exact: powers of ten up to 1e22 are doubles
        let fraction = Double(fractionDigits) / scale
        let whole = overflowed ? wide : Double(intPart)
        let value = whole + fraction
        return .real(negative ? -value : value)
    }

    /// Reads after the opening `(` through the matching `)`, applying escapes (§7.3.4.2).
    mutating func readLiteralString() -> [UInt8] {
        var out: [UInt8] = []
        var depth = 1
        while position < end {
            let b = bytes[position]
            position += 1
            switch b {
            case 0x28:
                depth += 1
                out.append(b)
            case 0x29:
                depth -= 1
                if depth == 0 { return out }
                out.append(b)
            case 0x5C: // backslash
                guard position < end else { return out }
                let e = bytes[position]
                position += 1
                switch e {
                case 0x6E: out.append(0x0A) // n
                case 0x72: out.append(0x0D) // r
                case 0x74: out.append(0x09) // t
                case 0x62: out.append(0x08) // b
                case 0x66: out.append(0x0C) // f
                case 0x0D: // line continuation, CR or CRLF
                    if position < end && bytes[position] == 0x0A { position += 1 }
                case 0x0A: break
                case 0x30...0x37: // up to three octal digits; high-order overflow is ignored
                    var value = Int(e - 0x30)
                    var count = 1
                    while count < 3 && position < end && bytes[position] >= 0x30 && bytes[position] <= 0x37 {
                        value = value * 8 + Int(bytes[position] - 0x30)
                        position += 1
                        count += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: value))
                default: out.append(e) // \( \) \\ and unknown escapes keep the byte
                }
            case 0x0D: // end-of-line markers inside strings read as a single LF
                if position < end && bytes[position] == 0x0A { position += 1 }
                out.append(0x0A)
            default:
                out.append(b)
            }
        }
        return out
    }

    /// Reads after `<` through `>`; white-space is ignored, an odd final digit is padded with 0.
    mutating func readHexString() -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8? = nil
        while position < end {
            let b = bytes[position]
            position += 1
            if b == 0x3E { break }
            guard let v = ByteClass.hexValue(b) else { continue }
            if let h = high {
                out.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        if let h = high { out.append(h << 4) }
        return out
    }

    /// Reads a name after `/`, decoding `#xx` escapes (§7.3.5).
    mutating func readName() -> String {
        let start = position
        var escaped = false
        while position < end && ByteClass.isRegular(bytes[position]) {
            if bytes[position] == 0x23 { escaped = true }
            position += 1
        }
        if !escaped { return String(decoding: bytes[start..<position], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(position - start)
        var i = start
        while i < position {
            let b = bytes[i]
            if b == 0x23, i + 2 < position, let h = ByteClass.hexValue(bytes[i + 1]), let l = ByteClass.hexValue(bytes[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
