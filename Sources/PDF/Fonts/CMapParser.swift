/// Parses CMap programs — embedded ToUnicode and encoding CMaps — from their PostScript-like
/// text. Unknown operators and malformed entries are skipped: a damaged CMap still yields
/// whatever mappings it holds.
public enum CMapParser {
    /// Codes are at most four bytes long (ISO 32000-2 §9.7.6.2).
    static let maxCodeLength = 4

    public static func parse(_ bytes: [UInt8]) -> CMap {
        var cmap = CMap()
        var lexer = CMapLexer(bytes: bytes)
        var operands: [CMapToken] = []
        while let token = lexer.next() {
            guard case .keyword(let keyword) = token else {
                // A CMap's sections are short runs of operands; bound the stack anyway.
                if operands.count < 1_000_000 { operands.append(token) }
                continue
            }
            switch keyword {
            case .endCodespaceRange: addCodespaceRanges(operands, to: &cmap)
            case .endBFChar: addUnicodeChars(operands, to: &cmap)
            case .endBFRange: addUnicodeRanges(operands, to: &cmap)
            case .endCIDChar: addCIDChars(operands, to: &cmap)
            case .endCIDRange: addCIDRanges(operands, to: &cmap)
            case .useCMap:
                if case .name(let name)? = operands.last { cmap.usedCMapName = name }
            case .def:
                if operands.count >= 2, case .name(let key) = operands[operands.count - 2] {
                    switch (key, operands[operands.count - 1]) {
                    case ("WMode", .number(let mode)): cmap.writingMode = mode == 1 ? 1 : 0
                    case ("CMapName", .name(let name)): cmap.name = name
                    default: break
                    }
                }
            default: break
            }
            operands.removeAll(keepingCapacity: true)
        }
        return cmap
    }

    private static func code(_ bytes: [UInt8]) -> UInt32? {
        guard !bytes.isEmpty, bytes.count <= maxCodeLength else { return nil }
        return bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func addCodespaceRanges(_ operands: [CMapToken], to cmap: inout CMap) {
        var i = 0
        while i + 1 < operands.count {
            if case .hex(let low) = operands[i], case .hex(let high) = operands[i + 1],
               low.count == high.count, (1...maxCodeLength).contains(low.count) {
                cmap.codespaceRanges.append(CMap.CodespaceRange(low: low, high: high))
            }
            i += 2
        }
        // Shorter codes first: a byte that opens a one-byte code must not start a longer one.
        cmap.codespaceRanges.sort { $0.length < $1.length }
    }

    private static func addUnicodeChars(_ operands: [CMapToken], to cmap: inout CMap) {
        var i = 0
        while i + 1 < operands.count {
            if case .hex(let source) = operands[i], let code = code(source),
               let text = unicodeText(operands[i + 1]) {
                cmap.unicodeByCode[code] = text
            }
            i += 2
        }
    }

    private static func addUnicodeRanges(_ operands: [CMapToken], to cmap: inout CMap) {
        var i = 0
        while i + 2 < operands.count {
            defer { i += 3 }
            guard case .hex(let lowBytes) = operands[i], case .hex(let highBytes) = operands[i + 1],
                  let low = code(lowBytes), let high = code(highBytes), low <= high else { continue }
            switch operands[i + 2] {
            case .hex(let destination):
                cmap.unicodeRanges.append(CMap.UnicodeRange(low: low, high: high, start: utf16Units(destination)))
            case .array(let destinations):
                // Array form: one destination per code, in order.
                for (offset, destination) in destinations.prefix(Int(high - low) + 1).enumerated() {
                    if let text = unicodeText(destination) { cmap.unicodeByCode[low &+ UInt32(offset)] = text }
                }
            default: continue
            }
        }
    }

    private static func addCIDChars(_ operands: [CMapToken], to cmap: inout CMap) {
        var i = 0
        while i + 1 < operands.count {
            if case .hex(let source) = operands[i], let code = code(source),
               case .number(let cid) = operands[i + 1], cid >= 0 {
                cmap.cidByCode[code] = UInt32(clamping: cid)
            }
            i += 2
        }
    }

    private static func addCIDRanges(_ operands: [CMapToken], to cmap: inout CMap) {
        var i = 0
        while i + 2 < operands.count {
            if case .hex(let lowBytes) = operands[i], case .hex(let highBytes) = operands[i + 1],
               let low = code(lowBytes), let high = code(highBytes), low <= high,
               case .number(let cid) = operands[i + 2], cid >= 0 {
                cmap.cidRanges.append(CMap.CIDRange(low: low, high: high, firstCID: UInt32(clamping: cid)))
            }
            i += 3
        }
    }

    /// A bfchar/bfrange destination: UTF-16BE bytes, or (rarely) a glyph name.
    private static func unicodeText(_ token: CMapToken) -> String? {
        switch token {
        case .hex(let bytes), .literal(let bytes): return CMap.string(fromUTF16: utf16Units(bytes))
        case .name(let name): return GlyphList.unicode(forGlyphName: name)
        default: return nil
        }
    }

    /// UTF-16BE code units; a lone byte is taken as one unit, as readers do for sloppy CMaps.
    static func utf16Units(_ bytes: [UInt8]) -> [UInt16] {
        if bytes.count == 1 { return [UInt16(bytes[0])] }
        var padded = bytes
        if padded.count % 2 == 1 { padded.insert(0, at: 0) }
        var units: [UInt16] = []
        units.reserveCapacity(padded.count / 2)
        var i = 0
        while i + 1 < padded.count {
            units.append(UInt16(padded[i]) << 8 | UInt16(padded[i + 1]))
            i += 2
        }
        return units
    }
}

enum CMapToken {
    case hex([UInt8])
    case literal([UInt8])
    case name(String)
    case number(Int)
    case keyword(CMapKeyword)
    case array([CMapToken])
}

/// The operators a CMap parser acts on; every other operator is `.other`. Matching bytes
/// against this short list avoids making a string per operator.
enum CMapKeyword {
    case endCodespaceRange, endBFChar, endBFRange, endCIDChar, endCIDRange, useCMap, def
    case arrayStart, arrayEnd, other

    private static let named: [([UInt8], CMapKeyword)] = [
        (Array("endbfchar".utf8), .endBFChar), (Array("endbfrange".utf8), .endBFRange),
        (Array("def".utf8), .def), (Array("endcodespacerange".utf8), .endCodespaceRange),
        (Array("endcidchar".utf8), .endCIDChar), (Array("endcidrange".utf8), .endCIDRange),
        (Array("usecmap".utf8), .useCMap),
    ]

    init(_ bytes: ArraySlice<UInt8>) {
        for (name, keyword) in Self.named where name.count == bytes.count && name.elementsEqual(bytes) {
            self = keyword
            return
        }
        self = .other
    }
}

/// The few PostScript tokens a CMap uses. Dictionaries (`<< >>`) are skipped as punctuation.
struct CMapLexer {
    let bytes: [UInt8]
    var index = 0
    init(bytes: [UInt8]) { self.bytes = bytes }

    private static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00
    }
    private static func isDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "/"), UInt8(ascii: "%"):
            return true
        default: return isWhitespace(b)
        }
    }

    mutating func next() -> CMapToken? {
        var depth = 0
        var stack: [[CMapToken]] = []
        while let token = nextFlat() {
            switch token {
            case .keyword(.arrayStart):
                guard depth < 32 else { continue }
                depth += 1
                stack.append([])
            case .keyword(.arrayEnd):
                guard depth > 0 else { continue }
                depth -= 1
                let array = CMapToken.array(stack.removeLast())
                if depth == 0 { return array }
                stack[stack.count - 1].append(array)
            case .keyword:
                // CMap arrays hold only strings and names: an operator means the array was
                // never closed, so drop it rather than swallow the rest of the program.
                return token
            default:
                if depth == 0 { return token }
                stack[stack.count - 1].append(token)
            }
        }
        return nil
    }

    private mutating func nextFlat() -> CMapToken? {
        while index < bytes.count {
            let b = bytes[index]
            if Self.isWhitespace(b) { index += 1; continue }
            if b == UInt8(ascii: "%") {
                while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
                continue
            }
            switch b {
            case UInt8(ascii: "["), UInt8(ascii: "]"):
                index += 1
                return .keyword(b == UInt8(ascii: "[") ? .arrayStart : .arrayEnd)
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ")"):
                index += 1
                continue
            case UInt8(ascii: "<"):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<") { index += 2; continue }
                return .hex(readHex())
            case UInt8(ascii: ">"):
                index += 1
                continue
            case UInt8(ascii: "("):
                return .literal(readLiteral())
            case UInt8(ascii: "/"):
                index += 1
                return .name(readRegular())
            default:
                let start = index
                while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
                if index == start { index += 1; continue }
                let word = bytes[start..<index]
                if let number = Self.integer(word) { return .number(number) }
                if let first = word.first, first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || (0x30...0x39).contains(first),
                   let real = Double(String(decoding: word, as: UTF8.self)), real.isFinite, abs(real) < 1e15 {
                    return .number(Int(real))
                }
                return .keyword(CMapKeyword(word))
            }
        }
        return nil
    }

    private static func integer(_ word: ArraySlice<UInt8>) -> Int? {
        guard !word.isEmpty, word.count <= 18 else { return nil }
        var value = 0
        var negative = false
        for (offset, byte) in zip(word.indices, word) {
            if byte == UInt8(ascii: "-"), offset == word.startIndex, word.count > 1 { negative = true; continue }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return negative ? -value : value
    }

    private mutating func readRegular() -> String {
        let start = index
        while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func readHex() -> [UInt8] {
        index += 1
        var out: [UInt8] = []
        var high: UInt8?
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
            if let digit = HexDigit.value(bytes[index]) {
                if let h = high { out.append(h << 4 | digit); high = nil } else { high = digit }
            }
            index += 1
        }
        index += 1
        if let h = high { out.append(h << 4) }
        return out
    }

    private mutating func readLiteral() -> [UInt8] {
        index += 1
        var out: [UInt8] = []
        var depth = 1
        while index < bytes.count {
            let b = bytes[index]
            index += 1
            switch b {
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return out }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = Int(e - UInt8(ascii: "0"))
                    var digits = 1
                    while digits < 3, index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[index]) {
                        value = value * 8 + Int(bytes[index] - UInt8(ascii: "0"))
                        index += 1
                        digits += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: value))
                case 0x0A, 0x0D: break
                default: out.append(e)
                }
            case UInt8(ascii: "("): depth += 1; out.append(b)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return out }
                out.append(b)
            default: out.append(b)
            }
        }
        return out
    }
}
