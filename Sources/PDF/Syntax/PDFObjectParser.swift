/// Builds `PDFObject`s from tokens (ISO 32000-2 §7.3). Tolerant like mature readers: a missing
/// closing bracket ends the container at the next structural keyword, a key without a value is
/// dropped. Nesting is bounded by `maxDepth`.
struct PDFObjectParser {
    var lexer: PDFLexer
    let maxDepth: Int
    /// `N G R` is recognised only where indirect references may appear (not in content streams).
    let allowsReferences: Bool

    init(lexer: PDFLexer, maxDepth: Int, allowsReferences: Bool = true) {
        self.lexer = lexer
        self.maxDepth = maxDepth
        self.allowsReferences = allowsReferences
    }

    /// Outcome of reading one token in value position.
    enum Element {
        case value(PDFObject)
        /// A token that cannot start a value: `]`, `>>`, a keyword such as `endobj`, or end of input.
        case terminator(PDFToken)
    }

    /// Parses one object; a token that cannot start an object yields `.null` and is consumed.
    mutating func parseObject() throws -> PDFObject {
        switch try parseElement(depth: 0) {
        case .value(let v): return v
        case .terminator: return .null
        }
    }

    mutating func parseElement(depth: Int) throws -> Element {
        let token = lexer.next()
        return try element(from: token, depth: depth)
    }

    mutating func element(from token: PDFToken, depth: Int) throws -> Element {
        switch token {
        case .integer(let n):
            if allowsReferences, let ref = referenceAfter(n) { return .value(.reference(ref)) }
            return .value(.integer(n))
        case .real(let v): return .value(.real(v))
        case .string(let s): return .value(.string(s))
        case .name(let n): return .value(.name(n))
        case .arrayStart: return .value(try parseArray(depth: depth + 1))
        case .dictionaryStart: return .value(.dictionary(try parseDictionary(depth: depth + 1)))
        case .keyword(let r):
            if lexer.keyword(r, is: Keyword.trueWord) { return .value(.bool(true)) }
            if lexer.keyword(r, is: Keyword.falseWord) { return .value(.bool(false)) }
            if lexer.keyword(r, is: Keyword.null) { return .value(.null) }
            return .terminator(token)
        case .arrayEnd, .dictionaryEnd, .stray, .endOfInput:
            return .terminator(token)
        }
    }

    /// After an integer: `G R` makes it a reference. Checked on the bytes, without building
    /// tokens, because most integers (in `/Widths`, `/W`, matrices) are not followed by one.
    mutating func referenceAfter(_ number: Int) -> PDFObjectID? {
        let bytes = lexer.bytes, end = lexer.end
        var p = lexer.position
        while p < end && ByteClass.isWhitespace(bytes[p]) { p += 1 }
        var generation = 0
        let digitsStart = p
        while p < end && ByteClass.isDigit(bytes[p]) {
            if p - digitsStart < 10 { generation = generation * 10 + Int(bytes[p] &- 0x30) }
            p += 1
        }
        guard p > digitsStart, p - digitsStart <= 10, p < end, ByteClass.isWhitespace(bytes[p]) else { return nil }
        while p < end && ByteClass.isWhitespace(bytes[p]) { p += 1 }
        guard p < end, bytes[p] == 0x52, p + 1 == end || !ByteClass.isRegular(bytes[p + 1]), number >= 0 else { return nil }
        lexer.position = p + 1
        return PDFObjectID(number: number, generation: generation)
    }

    mutating func parseArray(depth: Int) throws -> PDFObject {
        guard depth <= maxDepth else { throw PDFError.nestingTooDeep(limit: maxDepth) }
        var items: [PDFObject] = []
        while true {
            let before = lexer.position
            switch try parseElement(depth: depth) {
            case .value(let v): items.append(v)
            case .terminator(let t):
                switch t {
                case .arrayEnd, .endOfInput: return .array(items)
                case .stray: continue
                default:
                    // `>>` or a keyword: the array was never closed; leave the token for the caller.
                    lexer.position = before
                    return .array(items)
                }
            }
        }
    }

    mutating func parseDictionary(depth: Int) throws -> PDFDictionary {
        guard depth <= maxDepth else { throw PDFError.nestingTooDeep(limit: maxDepth) }
        var entries: [String: PDFObject] = [:]
        while true {
            let before = lexer.position
            let token = lexer.next()
            switch token {
            case .name(let key):
                let valueStart = lexer.position
                switch try parseElement(depth: depth) {
                case .value(let v):
                    if case .null = v {} else { entries[key] = v }
                case .terminator(let t):
                    switch t {
                    case .stray: continue
                    case .dictionaryEnd, .endOfInput: return PDFDictionary(entries)
                    default:
                        lexer.position = valueStart
                        return PDFDictionary(entries)
                    }
                }
            case .dictionaryEnd, .endOfInput:
                return PDFDictionary(entries)
            case .keyword:
                // `stream`/`endobj` before `>>`: an unclosed dictionary. Leave the keyword.
                lexer.position = before
                return PDFDictionary(entries)
            default:
                // A value where a key should be (junk): parse and drop it so nesting stays right.
                _ = try element(from: token, depth: depth)
            }
        }
    }
}
