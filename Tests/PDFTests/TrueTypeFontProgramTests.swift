import XCTest
@testable import PDF

/// The sfnt readers on hand-built tables: each case one behaviour, hostile input included.
final class TrueTypeFontProgramTests: XCTestCase {
    typealias B = FontProgramBytes

    private func cmapTable(_ subtable: [UInt8], platform: Int = 3, encoding: Int = 1) throws -> TrueTypeCMap {
        let font = try XCTUnwrap(TrueTypeFontProgram(B.sfnt([("cmap", B.cmap([(platform, encoding, subtable)]))])))
        return try XCTUnwrap(font.cmapSubtables.first)
    }

    func testCMapFormatsMapCodesToGlyphs() throws {
        let cases: [(String, [UInt8], [UInt32: Int?])] = [
            ("format 0", B.format0([0x41: 3, 0x42: 4]), [0x41: 3, 0x42: 4, 0x43: nil, 0x141: nil]),
            ("format 6", B.format6(first: 0x30, [7, 8, 0]), [0x30: 7, 0x31: 8, 0x32: nil, 0x2F: nil, 0x33: nil]),
            ("format 4 by delta", B.format4([.init(start: 0x41, end: 0x43, delta: -0x40)]),
             [0x41: 1, 0x43: 3, 0x40: nil, 0x44: nil]),
            ("format 4 delta wraps modulo 65536", B.format4([.init(start: 0xF000, end: 0xF001, delta: 0x1005)]),
             [0xF000: 5, 0xF001: 6]),
            ("format 4 through the glyph array", B.format4([
                .init(start: 0x20, end: 0x21, glyphs: [9, 0]), .init(start: 0x100, end: 0x102, glyphs: [20, 21, 22]),
            ]), [0x20: 9, 0x21: nil, 0x101: 21, 0x102: 22, 0x103: nil]),
            ("format 4 array entries take the delta", B.format4([.init(start: 0x61, end: 0x61, delta: 2, glyphs: [10])]),
             [0x61: 12]),
            ("format 12 groups", B.format12([(0x41, 0x5A, 10), (0x1F600, 0x1F601, 100)]),
             [0x41: 10, 0x5A: 35, 0x1F601: 101, 0x5B: nil, 0x1F602: nil]),
            ("format 12 glyphs past 65535 are dropped", B.format12([(0x41, 0x42, 0xFFFF)]), [0x41: 0xFFFF, 0x42: nil]),
        ]
        for (name, subtable, expected) in cases {
            let table = try cmapTable(subtable)
            for (code, glyph) in expected {
                XCTAssertEqual(table.glyph(for: code), glyph, "\(name): code \(String(code, radix: 16))")
            }
        }
    }

    func testForEachMappingVisitsWhatLookupFinds() throws {
        let subtables = [
            B.format0([0x41: 3]), B.format6(first: 5, [1, 0, 2]),
            B.format4([.init(start: 0x20, end: 0x22, delta: 1), .init(start: 0x30, end: 0x31, glyphs: [0, 7])]),
            B.format12([(0x10000, 0x10002, 4)]),
        ]
        for subtable in subtables {
            let table = try cmapTable(subtable)
            var budget = 1000
            var visited: [UInt32: Int] = [:]
            table.forEachMapping(budget: &budget) { visited[$0] = $1 }
            XCTAssertFalse(visited.isEmpty, "format \(table.format)")
            for (code, glyph) in visited { XCTAssertEqual(table.glyph(for: code), glyph, "format \(table.format)") }
        }
    }

    func testForEachMappingStopsWhenTheBudgetIsSpent() throws {
        // One group claiming four billion codes: the budget, not the claim, bounds the work.
        let table = try cmapTable(B.format12([(0, 0xFFFF_FFFE, 1)]))
        var budget = 500
        var count = 0
        table.forEachMapping(budget: &budget) { _, _ in count += 1 }
        XCTAssertEqual(budget, 0)
        XCTAssertLessThanOrEqual(count, 500)
    }

    func testUnicodeCMapPrefersFullRepertoireThenUnicodePlatformThenBMP() throws {
        let symbol = (3, 0, B.format4([.init(start: 0xF041, end: 0xF041, delta: 1)]))
        let bmp = (3, 1, B.format4([.init(start: 0x41, end: 0x41, delta: 1)]))
        let unicode = (0, 3, B.format4([.init(start: 0x41, end: 0x41, delta: 2)]))
        let full = (3, 10, B.format12([(0x41, 0x41, 3)]))
        let cases: [([(Int, Int, [UInt8])], UInt16?, UInt16?)] = [
            ([symbol, bmp, unicode, full], 3, 10), ([bmp, unicode], 0, 3), ([symbol, bmp], 3, 1), ([symbol], nil, nil),
        ]
        for (subtables, platform, encoding) in cases {
            let font = try XCTUnwrap(TrueTypeFontProgram(B.sfnt([("cmap", B.cmap(subtables))])))
            XCTAssertEqual(font.unicodeCMap?.platform, platform)
            XCTAssertEqual(font.unicodeCMap?.encoding, encoding)
        }
    }

    func testPostFormat2NamesGlyphsFromStandardAndCustomNames() throws {
        let post = B.post2(indices: [0, 36, 258, 259, 300], custom: ["f_f_i", "uni20AC"])
        let font = try XCTUnwrap(TrueTypeFontProgram(B.sfnt([("post", post)])))
        XCTAssertEqual(font.glyphNames(), [".notdef", "A", "f_f_i", "uni20AC", nil])
    }

    func testPostFormat1IsTheStandardMacintoshOrderAndFormat3HasNoNames() throws {
        let format1 = try XCTUnwrap(TrueTypeFontProgram(B.sfnt([("post", B.u32(0x0001_0000) + [UInt8](repeating: 0, count: 28))])))
        let names = try XCTUnwrap(format1.glyphNames())
        XCTAssertEqual(names.count, 258)
        XCTAssertEqual(names[3], "space")
        XCTAssertEqual(names[257], "dcroat")
        let format3 = try XCTUnwrap(TrueTypeFontProgram(B.sfnt([("post", B.u32(0x0003_0000) + [UInt8](repeating: 0, count: 28))])))
        XCTAssertNil(format3.glyphNames())
    }

    func testTruncatedPostNamesStopAtTheTableEnd() throws {
        var post = B.post2(indices: [258, 259], custom: ["alpha", "beta"])
        post.removeLast(2)   // "beta" now runs past the table
        let font = try XCTUnwrap(TrueTypeFontProgram(B.sfnt([("post", post)])))
        XCTAssertEqual(font.glyphNames(), ["alpha", nil])
    }

    func testGlyphCountComesFromMaxp() throws {
        XCTAssertEqual(TrueTypeFontProgram(B.sfnt([("maxp", B.maxp(glyphs: 42))]))?.glyphCount, 42)
        XCTAssertEqual(TrueTypeFontProgram(B.sfnt([]))?.glyphCount, 65_536)
    }

    func testCollectionsAndOpenTypeHeadersAreRead() throws {
        let font = B.sfnt([("maxp", B.maxp(glyphs: 7))], version: 0x4F54_544F)   // OTTO
        XCTAssertEqual(TrueTypeFontProgram(font)?.glyphCount, 7)
        // A collection whose one font's directory follows the 16-byte ttcf header.
        var inner = B.sfnt([("maxp", B.maxp(glyphs: 9))])
        inner = Array(inner[0..<12]) + B.u32(0x6D61_7870) + B.u32(0) + B.u32(16 + 12 + 16) + B.u32(6) + Array(inner[28...])
        let collection = Array("ttcf".utf8) + B.u32(0x0001_0000) + B.u32(1) + B.u32(16) + inner
        XCTAssertEqual(TrueTypeFontProgram(collection)?.glyphCount, 9)
    }

    func testGarbageAndTruncatedProgramsGiveNoMappingWithoutTrapping() throws {
        let cmap = B.cmap([(3, 1, B.format4([.init(start: 0x41, end: 0x5A, delta: 1)]))])
        let whole = B.sfnt([("cmap", cmap), ("post", B.post2(indices: [258], custom: ["x"]))])
        // Every prefix of a valid program, and a table directory pointing far outside it.
        for length in stride(from: 0, through: whole.count, by: 3) {
            let font = TrueTypeFontProgram(Array(whole.prefix(length)))
            _ = font?.unicodeCMap?.glyph(for: 0x41)
            _ = font?.glyphNames()
        }
        var lying = whole
        lying.replaceSubrange(20..<24, with: B.u32(0x7FFF_FFF0))   // first table's offset
        XCTAssertNil(TrueTypeFontProgram(lying)?.tables["cmap"])
        XCTAssertNil(TrueTypeFontProgram(Array("not a font at all".utf8)))
        XCTAssertNil(TrueTypeFontProgram([]))
        // A format-4 table whose segment count runs past its end.
        let bad = B.u16(4) + B.u16(100) + B.u16(0) + B.u16(0xFFFE) + [UInt8](repeating: 0xFF, count: 20)
        XCTAssertNil(try cmapTable(bad).glyph(for: 0x41))
    }
}
