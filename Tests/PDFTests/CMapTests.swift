import XCTest
@testable import PDF

final class CMapTests: XCTestCase {
    func testBfcharAndBfrangeWithTwoByteCodes() {
        let cmap = CMapParser.parse(Array("""
        /CIDInit /ProcSet findresource begin 12 dict begin begincmap
        /CMapName /Adobe-Identity-UCS def
        1 begincodespacerange <0000> <FFFF> endcodespacerange
        2 beginbfchar
        <0003> <0020>
        <0024> <00410042>
        endbfchar
        2 beginbfrange
        <0044> <0046> <0061>
        <00FE> <0101> <00FE>
        endbfrange
        endcmap CMapName currentdict /CMap defineresource pop end end
        """.utf8))
        XCTAssertEqual(cmap.name, "Adobe-Identity-UCS")
        XCTAssertEqual(cmap.codespaceRanges, [.init(low: [0, 0], high: [0xFF, 0xFF])])
        XCTAssertEqual(cmap.unicode(for: 0x03), " ")
        XCTAssertEqual(cmap.unicode(for: 0x24), "AB", "one code may map to several characters")
        XCTAssertEqual(cmap.unicode(for: 0x44), "a")
        XCTAssertEqual(cmap.unicode(for: 0x46), "c")
        XCTAssertNil(cmap.unicode(for: 0x47))
        XCTAssertEqual(cmap.unicode(for: 0x0101), "\u{0101}", "ranges may cross a 256 boundary")
    }

    func testBfrangeArrayFormAndSurrogates() {
        let cmap = CMapParser.parse(Array("""
        1 begincodespacerange <00> <FF> endcodespacerange
        1 beginbfrange <10> <12> [<0066006C> <D83DDE00> <00E9>] endbfrange
        1 beginbfchar <20> <D835DC00> endbfchar
        """.utf8))
        XCTAssertEqual(cmap.unicode(for: 0x10), "fl")
        XCTAssertEqual(cmap.unicode(for: 0x11), "\u{1F600}")
        XCTAssertEqual(cmap.unicode(for: 0x12), "é")
        XCTAssertEqual(cmap.unicode(for: 0x20), "\u{1D400}")
    }

    func testMixedLengthCodespaceSplitsCodes() {
        // Shift-JIS-like: one-byte codes 00–80, two-byte codes 81xx–9Fxx.
        let cmap = CMapParser.parse(Array("""
        2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange
        """.utf8))
        let bytes: [UInt8] = [0x41, 0x81, 0x40, 0x42]
        var codes: [UInt32] = []
        var index = 0
        while index < bytes.count {
            let (code, length) = cmap.nextCode(in: bytes, at: index)
            codes.append(code)
            index += length
        }
        XCTAssertEqual(codes, [0x41, 0x8140, 0x42])
    }

    func testCodeOutsideEveryRangeStillAdvances() {
        let cmap = CMapParser.parse(Array("1 begincodespacerange <0000> <7FFF> endcodespacerange".utf8))
        let (code, length) = cmap.nextCode(in: [0xFF, 0xFF, 0x00, 0x41], at: 0)
        XCTAssertEqual(code, 0xFFFF)
        XCTAssertEqual(length, 2)
        let tail = cmap.nextCode(in: [0x00, 0x41, 0x05], at: 2)
        XCTAssertEqual(tail.length, 1, "a truncated code takes what is left")
    }

    func testThreeAndFourByteCodes() {
        let cmap = CMapParser.parse(Array("""
        2 begincodespacerange <000000> <FFFFFF> <00000000> <FFFFFFFF> endcodespacerange
        1 beginbfchar <010203> <0041> endbfchar
        1 beginbfchar <01020304> <0042> endbfchar
        """.utf8))
        XCTAssertEqual(cmap.nextCode(in: [1, 2, 3], at: 0).length, 3)
        XCTAssertEqual(cmap.unicode(for: 0x010203), "A")
        XCTAssertEqual(cmap.unicode(for: 0x01020304), "B")
    }

    func testCIDRangesUsecmapAndWritingMode() {
        let cmap = CMapParser.parse(Array("""
        /CMapName /Custom-V def /WMode 1 def /Identity-V usecmap
        1 begincodespacerange <0000> <FFFF> endcodespacerange
        1 begincidrange <0100> <01FF> 500 endcidrange
        1 begincidchar <0020> 1 endcidchar
        """.utf8))
        XCTAssertEqual(cmap.writingMode, 1)
        XCTAssertEqual(cmap.usedCMapName, "Identity-V")
        XCTAssertEqual(cmap.cid(for: 0x0105), 505)
        XCTAssertEqual(cmap.cid(for: 0x20), 1)
        XCTAssertNil(cmap.cid(for: 0x0300))
    }

    /// Found by fuzzing: numbers beyond Int and ranges at the top of the code space must not trap.
    func testExtremeNumbersAndRangesAreSafe() {
        let cmap = CMapParser.parse(Array("""
        1e999 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange
        1 beginbfrange <FFFFFFFE> <FFFFFFFF> [<0041> <0042> <0043>] endbfrange
        1 beginbfrange <00000000> <FFFFFFFF> <FFFF> endbfrange
        1 begincidrange <FFFFFFF0> <FFFFFFFF> 4294967295 endcidrange
        """.utf8))
        XCTAssertEqual(cmap.unicode(for: 0xFFFF_FFFF), "B")
        XCTAssertNotNil(cmap.unicode(for: 0x1234_5678))
        XCTAssertNotNil(cmap.cid(for: 0xFFFF_FFFF))
    }

    func testGarbageDoesNotStopParsing() {
        let cmap = CMapParser.parse(Array("""
        % comment <0041>
        1 beginbfchar <41> endbfchar
        ] >> ) } junk [ << /Junk 3 >>
        1 beginbfchar <0042> <0062> endbfchar
        """.utf8))
        XCTAssertNil(cmap.unicode(for: 0x41))
        XCTAssertEqual(cmap.unicode(for: 0x42), "b")
    }
}
