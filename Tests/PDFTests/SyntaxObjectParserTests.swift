import XCTest
@testable import PDF

final class SyntaxObjectParserTests: XCTestCase {
    private func parse(_ text: String, references: Bool = true, maxDepth: Int = 64) throws -> PDFObject {
        var parser = PDFObjectParser(lexer: PDFLexer(bytes: Array(text.utf8)), maxDepth: maxDepth, allowsReferences: references)
        return try parser.parseObject()
    }

    func testDictionaryWithReferencesAndNesting() throws {
        let object = try parse("<< /Type /Page /Kids [1 0 R 2 0 R] /N 5 /Box [0 0 612.5 792] /Sub << /A true /B null >> >>")
        let d = try XCTUnwrap(object.dictionaryValue)
        XCTAssertEqual(d.type, "Page")
        XCTAssertEqual(d["Kids"]?.arrayValue?.compactMap(\.referenceValue),
                       [PDFObjectID(number: 1, generation: 0), PDFObjectID(number: 2, generation: 0)])
        XCTAssertEqual(d["N"]?.intValue, 5)
        XCTAssertEqual(d["Box"]?.arrayValue?.compactMap(\.numberValue), [0, 0, 612.5, 792])
        XCTAssertEqual(d["Sub"]?.dictionaryValue?["A"]?.boolValue, true)
        XCTAssertNil(d["Sub"]?.dictionaryValue?["B"], "a null value means the key is absent")
    }

    func testIntegersThatAreNotReferencesStayIntegers() throws {
        let items = try XCTUnwrap(parse("[1 2 3 4 R 5]").arrayValue)
        XCTAssertEqual(items.count, 4)
        XCTAssertEqual(items[0].intValue, 1)
        XCTAssertEqual(items[1].intValue, 2)
        XCTAssertEqual(items[2].referenceValue, PDFObjectID(number: 3, generation: 4))
        XCTAssertEqual(items[3].intValue, 5)
    }

    func testReferenceSpellings() throws {
        let items = try XCTUnwrap(parse("[1 0 R\n2\r\n0\tR 3 0 R] 4 0 RG 5 0 R/X 6 0 Rx").arrayValue)
        XCTAssertEqual(items.compactMap(\.referenceValue).map(\.number), [1, 2, 3])
        var parser = PDFObjectParser(lexer: PDFLexer(bytes: Array("4 0 RG 5 0 R/X 6 7 R".utf8)), maxDepth: 8)
        XCTAssertEqual(try parser.parseObject().intValue, 4, "RG is an operator, not R")
        XCTAssertEqual(try parser.parseObject().intValue, 0)
        _ = try parser.parseObject() // RG
        XCTAssertEqual(try parser.parseObject().referenceValue, PDFObjectID(number: 5, generation: 0))
        XCTAssertEqual(try parser.parseObject().nameValue, "X")
        XCTAssertEqual(try parser.parseObject().referenceValue, PDFObjectID(number: 6, generation: 7))
    }

    func testReferencesAreNotRecognisedInContentStreams() throws {
        var parser = PDFObjectParser(lexer: PDFLexer(bytes: Array("1 0 R".utf8)), maxDepth: 8, allowsReferences: false)
        XCTAssertEqual(try parser.parseObject().intValue, 1)
    }

    func testUnclosedDictionaryEndsAtKeyword() throws {
        var parser = PDFObjectParser(lexer: PDFLexer(bytes: Array("<< /Length 5 /F [1 2 stream".utf8)), maxDepth: 8)
        let d = try XCTUnwrap(parser.parseObject().dictionaryValue)
        XCTAssertEqual(d["Length"]?.intValue, 5)
        XCTAssertEqual(d["F"]?.arrayValue?.count, 2)
        guard case .keyword(let r) = parser.lexer.next() else { return XCTFail("stream keyword left for the caller") }
        XCTAssertTrue(parser.lexer.keyword(r, is: Keyword.stream))
    }

    func testJunkInsideDictionaryIsSkipped() throws {
        let d = try XCTUnwrap(parse("<< /A 1 ) 7 /B (x) ] /C >>").dictionaryValue)
        XCTAssertEqual(d["A"]?.intValue, 1)
        XCTAssertEqual(d["B"]?.stringBytes, Array("x".utf8))
    }

    func testNestingBeyondTheLimitThrows() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        XCTAssertThrowsError(try parse(deep, maxDepth: 64)) { error in
            XCTAssertEqual(error as? PDFError, .nestingTooDeep(limit: 64))
        }
        XCTAssertNoThrow(try parse(deep, maxDepth: 128))
    }
}
