import XCTest
@testable import PDF

final class SyntaxLexerTests: XCTestCase {
    private func tokens(_ text: String) -> [PDFToken] {
        var lexer = PDFLexer(bytes: Array(text.utf8))
        var out: [PDFToken] = []
        while true {
            let t = lexer.next()
            if case .endOfInput = t { return out }
            out.append(t)
            if out.count > 1000 { XCTFail("lexer does not end"); return out }
        }
    }

    private func number(_ text: String) -> Double? {
        switch tokens(text).first {
        case .integer(let n)?: return Double(n)
        case .real(let v)?: return v
        default: return nil
        }
    }

    func testNumbers() {
        XCTAssertEqual(number("123"), 123)
        XCTAssertEqual(number("-17"), -17)
        XCTAssertEqual(number("+4"), 4)
        XCTAssertEqual(number("34.5"), 34.5)
        XCTAssertEqual(number("-.002"), -0.002)
        XCTAssertEqual(number("4."), 4)
        XCTAssertEqual(number("--5"), 5, "double minus cancels, as in poppler")
        if case .integer(42)? = tokens("42").first {} else { XCTFail("42 is an integer") }
        if case .real? = tokens("99999999999999999999999").first {} else { XCTFail("huge integer becomes a real, not an overflow") }
        if case .keyword? = tokens("1.2.3").first {} else { XCTFail("1.2.3 is not a number") }
        if case .integer(1234567890123456789)? = tokens("1234567890123456789").first {} else { XCTFail("19 digits fit in Int") }
        if case .integer(-9223372036854775807)? = tokens("-9223372036854775807").first {} else { XCTFail("-Int.max") }
        XCTAssertEqual(number("12345678901234567890"), 12345678901234567890.0)
        XCTAssertEqual(number("+.5"), 0.5)
        XCTAssertEqual(number("0.1234567890123456789"), 0.12345678901234568)
    }

    func testLiteralStringEscapes() {
        guard case .string(let s)? = tokens(#"(a\(b\)c\\d\n\101\0537 (nested) \q)"#).first else { return XCTFail() }
        XCTAssertEqual(s, Array("a(b)c\\d\nA+7 (nested) q".utf8))
    }

    func testLiteralStringLineContinuationAndEOLNormalisation() {
        guard case .string(let s)? = tokens("(ab\\\r\ncd\r\nef\rg)").first else { return XCTFail() }
        XCTAssertEqual(s, Array("abcd\nef\ng".utf8))
    }

    func testUnterminatedStringEndsAtInputEnd() {
        guard case .string(let s)? = tokens("(abc").first else { return XCTFail() }
        XCTAssertEqual(s, Array("abc".utf8))
    }

    func testHexStrings() {
        guard case .string(let s)? = tokens("<48 65 6c6C6f>").first else { return XCTFail() }
        XCTAssertEqual(s, Array("Hello".utf8))
        guard case .string(let odd)? = tokens("<901FA>").first else { return XCTFail() }
        XCTAssertEqual(odd, [0x90, 0x1F, 0xA0], "an odd final digit is padded with 0")
    }

    func testNamesDecodeHashEscapes() {
        guard case .name(let n)? = tokens("/A#20B#2fc").first else { return XCTFail() }
        XCTAssertEqual(n, "A B/c")
        guard case .name(let empty)? = tokens("/ /x").first else { return XCTFail() }
        XCTAssertEqual(empty, "")
    }

    func testDelimitersAndCommentsAndKeywords() {
        let t = tokens("<< /K [1 2] >> % comment\n{ } ) endobj")
        XCTAssertEqual(t.count, 11)
        if case .dictionaryStart = t[0] {} else { XCTFail() }
        if case .arrayStart = t[2] {} else { XCTFail() }
        if case .arrayEnd = t[5] {} else { XCTFail() }
        if case .dictionaryEnd = t[6] {} else { XCTFail() }
        if case .stray = t[7] {} else { XCTFail() }
        if case .stray = t[9] {} else { XCTFail() }
        if case .keyword(let r) = t[10] {
            XCTAssertEqual(r.count, 6)
        } else { XCTFail() }
    }
}
