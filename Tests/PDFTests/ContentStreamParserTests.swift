import XCTest
@testable import PDF

final class ContentStreamParserTests: XCTestCase {
    private func operations(_ bytes: [UInt8]) throws -> [ContentOperation] {
        var parser = ContentStreamParser(bytes)
        var out: [ContentOperation] = []
        while let op = try parser.next() {
            out.append(op)
            if out.count > 10_000 { XCTFail("parser does not end"); break }
        }
        return out
    }
    private func operations(_ text: String) throws -> [ContentOperation] { try operations(Array(text.utf8)) }

    func testOperatorsAndOperands() throws {
        let ops = try operations("BT /F1 12 Tf 1 0 0 1 72.5 700 Tm [(Inv) -250 (oice)] TJ (a\\)b) ' 2 3 (c) \" T* ET")
        XCTAssertEqual(ops.map(\.op), ["BT", "Tf", "Tm", "TJ", "'", "\"", "T*", "ET"])
        XCTAssertEqual(ops[1].operands.first?.nameValue, "F1")
        XCTAssertEqual(ops[1].operands.last?.intValue, 12)
        XCTAssertEqual(ops[2].operands.compactMap(\.numberValue), [1, 0, 0, 1, 72.5, 700])
        let tj = try XCTUnwrap(ops[3].operands.first?.arrayValue)
        XCTAssertEqual(tj.count, 3)
        XCTAssertEqual(tj[1].intValue, -250)
        XCTAssertEqual(ops[4].operands.first?.stringBytes, Array("a)b".utf8))
        XCTAssertEqual(ops[5].operands.count, 3)
    }

    func testMarkedContentAndUnknownOperatorsAreReturned() throws {
        let ops = try operations("/Span << /ActualText (x) >> BDC foo 1 2 bar EMC")
        XCTAssertEqual(ops.map(\.op), ["BDC", "foo", "bar", "EMC"])
        XCTAssertEqual(ops[0].operands.last?.dictionaryValue?["ActualText"]?.stringBytes, Array("x".utf8))
        XCTAssertEqual(ops[2].operands.compactMap(\.intValue), [1, 2])
    }

    func testGarbageIsTolerated() throws {
        let ops = try operations("] ) } >> 1 2 re\n%comment\n{ q\u{0}\u{1} Q")
        XCTAssertEqual(ops.map(\.op).filter { $0 == "re" || $0 == "q" || $0 == "Q" }, ["re", "q", "Q"])
        XCTAssertEqual(ops.first { $0.op == "re" }?.operands.compactMap(\.intValue), [1, 2])
    }

    func testTrailingOperandsWithoutOperatorAreDropped() throws {
        XCTAssertEqual(try operations("q 1 2 3").map(\.op), ["q"])
    }

    func testInlineImageWithComputedLengthContainingEI() throws {
        // 4x2 8-bit gray = 8 bytes of data that contain "EI" surrounded by spaces.
        let data: [UInt8] = [0x20, 0x45, 0x49, 0x20, 0xFF, 0x00, 0x45, 0x49]
        let bytes = Array("q BI /W 4 /H 2 /CS /G /BPC 8 ID ".utf8) + data + Array("\nEI Q (after) Tj".utf8)
        let ops = try operations(bytes)
        XCTAssertEqual(ops.map(\.op), ["q", "BI", "Q", "Tj"])
        XCTAssertEqual(ops[1].operands.first?.dictionaryValue?["W"]?.intValue, 4)
        XCTAssertEqual(ops[3].operands.first?.stringBytes, Array("after".utf8))
    }

    func testFilteredInlineImageEndsAtEIFollowedByContent() throws {
        // Binary data with a false "EI" followed by binary bytes, then the real EI.
        let data: [UInt8] = [0x01, 0x20, 0x45, 0x49, 0x20, 0x9F, 0xFE, 0x02, 0x03]
        let bytes = Array("BI /W 10 /H 10 /F /DCT ID ".utf8) + data + Array(" EI\nBT (x) Tj ET".utf8)
        XCTAssertEqual(try operations(bytes).map(\.op), ["BI", "BT", "Tj", "ET"])
    }

    func testInlineImageWithoutEIConsumesTheRest() throws {
        let bytes = Array("BI /W 1 /H 1 /F /AHx ID 00ff".utf8)
        XCTAssertEqual(try operations(bytes).map(\.op), ["BI"])
    }

    func testAbbreviatedIndexedColourSpaceLength() throws {
        let data: [UInt8] = [0x45, 0x49, 0x0A, 0x45] // 2x2 at 8 bits, indexed: 4 bytes
        let bytes = Array("BI /W 2 /H 2 /CS [/I /RGB 1 <000000ffffff>] /BPC 8 ID ".utf8) + data + Array(" EI S".utf8)
        XCTAssertEqual(try operations(bytes).map(\.op), ["BI", "S"])
    }

    func testEveryPrefixOfAContentStreamParses() throws {
        let text = Array("BT /F1 12 Tf [(a) 3 (b)] TJ <414243> Tj BI /W 1 /H 1 /BPC 8 /CS /G ID x EI ET".utf8)
        for n in 0...text.count { _ = try operations(Array(text.prefix(n))) }
    }
}

final class ContentStreamParserOperandBufferTests: XCTestCase {
    func testNextOperatorLeavesOperandsInTheParser() throws {
        var parser = ContentStreamParser(Array("1 2 m 3 4 l h".utf8))
        XCTAssertEqual(try parser.nextOperator(), "m")
        XCTAssertEqual(parser.operands.compactMap(\.intValue), [1, 2])
        XCTAssertEqual(try parser.nextOperator(), "l")
        XCTAssertEqual(parser.operands.compactMap(\.intValue), [3, 4])
        XCTAssertEqual(try parser.nextOperator(), "h")
        XCTAssertTrue(parser.operands.isEmpty)
        XCTAssertNil(try parser.nextOperator())
    }
}

final class ContentStreamParserOperatorNameTests: XCTestCase {
    func testKnownOperatorsAreTheirOwnSpellingAndOthersAreNot() {
        for op in ["q", "Q", "cm", "BT", "ET", "Tj", "TJ", "T*", "'", "\"", "Do", "BDC", "EMC", "scn", "d0"] {
            let bytes = Array(op.utf8)
            XCTAssertEqual(OperatorName.known(bytes, 0..<bytes.count), op)
        }
        for other in ["BI", "Tx", "qq", "BDCX", "", "abc"] {
            let bytes = Array(other.utf8)
            XCTAssertNil(OperatorName.known(bytes, 0..<bytes.count), other)
        }
    }
}
