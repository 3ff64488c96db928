/// One lexical token of PDF syntax. Keywords are kept as a byte range of the source, so the
/// hot paths (content-stream operators, `obj`, `R`) never allocate to recognise them.
enum PDFToken {
    case integer(Int)
    case real(Double)
    case string([UInt8])
    case name(String)
    case arrayStart
    case arrayEnd
    case dictionaryStart
    case dictionaryEnd
    /// A run of regular bytes that is not a number: `obj`, `R`, `true`, an operator, or junk.
    case keyword(Range<Int>)
    /// A stray delimiter with no meaning on its own (`)`, `>`, `{`, `}`).
    case stray
    case endOfInput
}

/// Keywords as bytes, compared against `PDFToken.keyword` ranges.
enum Keyword {
    static let obj: [UInt8] = Array("obj".utf8)
    static let endobj: [UInt8] = Array("endobj".utf8)
    static let stream: [UInt8] = Array("stream".utf8)
    static let endstream: [UInt8] = Array("endstream".utf8)
    static let reference: [UInt8] = Array("R".utf8)
    static let trueWord: [UInt8] = Array("true".utf8)
    static let falseWord: [UInt8] = Array("false".utf8)
    static let null: [UInt8] = Array("null".utf8)
    static let xref: [UInt8] = Array("xref".utf8)
    static let trailer: [UInt8] = Array("trailer".utf8)
    static let startxref: [UInt8] = Array("startxref".utf8)
    static let beginInlineImage: [UInt8] = Array("BI".utf8)
    static let inlineImageData: [UInt8] = Array("ID".utf8)
    static let endInlineImage: [UInt8] = Array("EI".utf8)
}
