/// One content-stream operation: the operator and the operands that preceded it (§7.8.2).
public struct ContentOperation: Sendable {
    /// The operator as written: `Tj`, `cm`, `'`… Inline images are reported once, as `BI`,
    /// with the image dictionary (keys as written, abbreviations not expanded) as the only operand;
    /// the image data and `EI` are skipped.
    public var op: String
    public var operands: [PDFObject]
    public init(op: String, operands: [PDFObject]) { self.op = op; self.operands = operands }
}

/// Splits a decoded content stream into operations. Tolerant: unknown operators are returned
/// like known ones, stray delimiters are dropped, and operands left without an operator at the
/// end are discarded. Every step consumes input, so it always ends.
public struct ContentStreamParser {
    private var parser: PDFObjectParser
    /// The operands of the operator `nextOperator()` returned last; valid until the next call.
    /// Reading them here instead of through `next()` avoids copying an array per operator.
    public private(set) var operands: [PDFObject] = []
    private var operandsConsumed = false
    /// More operands than any operator takes; extra ones (garbage) are dropped instead of piling up.
    private static let maxOperands = 256

    /// Counts operators toward the document's `maxContentOperators`, when parsing for a file.
    private let operatorBudget: PDFFile?

    public init(_ bytes: [UInt8], maxNestingDepth: Int = PDFLimits().maxNestingDepth) {
        parser = PDFObjectParser(lexer: PDFLexer(bytes: bytes), maxDepth: maxNestingDepth, allowsReferences: false)
        operatorBudget = nil
    }

    /// A parser whose operators count toward `file`'s document-wide `maxContentOperators`
    /// (throwing `PDFError.tooManyContentOperators` past it) and which checks the time budget.
    public init(_ bytes: [UInt8], countingTowards file: PDFFile) {
        parser = PDFObjectParser(lexer: PDFLexer(bytes: bytes), maxDepth: file.limits.maxNestingDepth, allowsReferences: false)
        operatorBudget = file
    }

    /// The next operation, or nil at the end of the stream. Throws `PDFError.nestingTooDeep`, and
    /// when counting toward a file, `tooManyContentOperators` or `timeBudgetExceeded`.
    public mutating func next() throws -> ContentOperation? {
        guard let op = try nextOperator() else { return nil }
        return ContentOperation(op: op, operands: operands)
    }

    /// The next operator, its operands left in `operands`; nil at the end of the stream.
    /// Same errors as `next()`.
    public mutating func nextOperator() throws -> String? {
        if operandsConsumed {
            operands.removeAll(keepingCapacity: true)
            operandsConsumed = false
        }
        guard let op = try readOperator() else { return nil }
        operandsConsumed = true
        if let file = operatorBudget { try file.countContentOperator() }
        return op
    }

    private mutating func readOperator() throws -> String? {
        while true {
            let token = parser.lexer.next()
            switch token {
            case .endOfInput:
                return nil
            case .keyword(let range):
                if let known = OperatorName.known(parser.lexer.bytes, range) { return known }
                if parser.lexer.keyword(range, is: Keyword.beginInlineImage) {
                    operands.removeAll(keepingCapacity: true)
                    operands.append(.dictionary(try skipInlineImage()))
                    return "BI"
                }
                return String(decoding: parser.lexer.bytes[range], as: UTF8.self)
            case .arrayEnd, .dictionaryEnd, .stray:
                continue
            default:
                if case .value(let value) = try parser.element(from: token, depth: 0), operands.count < Self.maxOperands {
                    operands.append(value)
                }
            }
        }
    }

    /// After `BI`: reads the image dictionary up to `ID`, then skips the data through `EI` (§8.9.7).
    private mutating func skipInlineImage() throws -> PDFDictionary {
        var dictionary = PDFDictionary()
        while true {
            let token = parser.lexer.next()
            switch token {
            case .name(let key):
                if case .value(let v) = try parser.parseElement(depth: 1) { dictionary[key] = v }
            case .keyword(let r) where parser.lexer.keyword(r, is: Keyword.inlineImageData):
                // One white-space byte separates `ID` from the data.
                var start = parser.lexer.position
                if start < parser.lexer.end && ByteClass.isWhitespace(parser.lexer.bytes[start]) { start += 1 }
                parser.lexer.position = InlineImageEnd.find(in: parser.lexer.bytes, dataStart: start,
                                                            end: parser.lexer.end, dictionary: dictionary)
                return dictionary
            case .endOfInput, .keyword:
                // No `ID`: leave any keyword (an operator) to be read normally.
                if case .keyword(let r) = token { parser.lexer.position = r.lowerBound }
                return dictionary
            default:
                continue
            }
        }
    }
}

/// Finding where inline image data ends: the `EI` after it is not escaped, so binary data may
/// contain `EI` by chance. The size is computed when the image is unfiltered; otherwise `EI`
/// must be delimited by white-space and followed by something that looks like content operators.
enum InlineImageEnd {
    /// The index just after `EI` (or the end of the stream when there is none).
    static func find(in bytes: [UInt8], dataStart: Int, end: Int, dictionary: PDFDictionary) -> Int {
        if let length = declaredLength(dictionary), length >= 0, length <= end - dataStart,
           let after = endMarker(in: bytes, at: dataStart + length, end: end) {
            return after
        }
        var i = dataStart
        while i + 1 < end {
            if bytes[i] == 0x45 && bytes[i + 1] == 0x49, // EI
               i == dataStart || ByteClass.isWhitespace(bytes[i - 1]),
               i + 2 == end || !ByteClass.isRegular(bytes[i + 2]),
               looksLikeContent(bytes, from: i + 2, end: end) {
                return i + 2
            }
            i += 1
        }
        return end
    }

    /// `EI` at `at`, possibly after white-space: the index after it.
    private static func endMarker(in bytes: [UInt8], at: Int, end: Int) -> Int? {
        var p = at
        while p < end && ByteClass.isWhitespace(bytes[p]) && p - at < 8 { p += 1 }
        guard p + 1 < end, bytes[p] == 0x45, bytes[p + 1] == 0x49, p + 2 == end || !ByteClass.isRegular(bytes[p + 2]) else { return nil }
        return p + 2
    }

    /// The next bytes after a candidate `EI` are printable text, as operators and operands are.
    private static func looksLikeContent(_ bytes: [UInt8], from: Int, end: Int) -> Bool {
        let stop = min(end, from + 48)
        var i = from
        while i < stop {
            let b = bytes[i]
            if b > 0x7E || (b < 0x20 && !ByteClass.isWhitespace(b)) { return false }
            i += 1
        }
        return true
    }

    /// The byte length of an unfiltered image (`/L` or `/Length` when given, PDF 2.0).
    private static func declaredLength(_ d: PDFDictionary) -> Int? {
        if let l = (d["L"] ?? d["Length"])?.intValue { return l }
        if d["F"] != nil || d["Filter"] != nil { return nil }
        guard let width = (d["W"] ?? d["Width"])?.intValue, let height = (d["H"] ?? d["Height"])?.intValue,
              width > 0, height > 0, width <= 1 << 16, height <= 1 << 16 else { return nil }
        let isMask = (d["IM"] ?? d["ImageMask"])?.boolValue ?? false
        let bits = isMask ? 1 : ((d["BPC"] ?? d["BitsPerComponent"])?.intValue ?? 8)
        let components: Int
        if isMask {
            components = 1
        } else {
            switch (d["CS"] ?? d["ColorSpace"])?.nameValue {
            case "G", "DeviceGray", "CalGray", "I", "Indexed": components = 1
            case "RGB", "DeviceRGB", "CalRGB": components = 3
            case "CMYK", "DeviceCMYK": components = 4
            default:
                if case .array(let cs)? = d["CS"] ?? d["ColorSpace"], cs.first?.nameValue == "I" || cs.first?.nameValue == "Indexed" {
                    components = 1
                } else {
                    return nil
                }
            }
        }
        guard (1...16).contains(bits) else { return nil }
        return height * ((width * components * bits + 7) / 8)
    }
}
