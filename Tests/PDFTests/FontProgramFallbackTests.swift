import XCTest
@testable import PDF

/// Fonts whose PDF dictionaries leave glyphs without Unicode, read through their embedded
/// programs (FontLoader → PDFFont), and fonts that must not be.
final class FontProgramFallbackTests: XCTestCase {
    typealias B = FontProgramBytes

    /// Glyphs 1…3 are A, B, C in the (3,1) cmap; glyph 4 is only named (`f_i`), glyph 5 neither.
    private let trueType = B.sfnt([
        ("cmap", B.cmap([(3, 1, B.format4([.init(start: 0x41, end: 0x43, delta: -0x40)]))])),
        ("maxp", B.maxp(glyphs: 6)),
        ("post", B.post2(indices: [0, 36, 37, 38, 258, 259], custom: ["f_i", "g5"])),
    ])

    private func binaryStream(_ bytes: [UInt8], _ entries: [String: PDFObject] = [:]) -> PDFObject {
        .stream(PDFStream(dictionary: PDFDictionary(entries), rawData: bytes[...], objectID: nil))
    }

    private func type0(_ source: InMemoryObjectSource, subtype: String = "CIDFontType2", fontFile: String = "FontFile2",
                       program: [UInt8], encoding: PDFObject = .name("Identity-H"),
                       extra: [String: PDFObject] = [:], toUnicode: PDFObject? = nil,
                       loadingThrough loader: PDFObjectSource? = nil) throws -> PDFFont {
        let descriptor = PDFDictionary(["Type": .name("FontDescriptor"), fontFile: source.add(20, binaryStream(program))])
        var descendant: [String: PDFObject] = ["Subtype": .name(subtype), "FontDescriptor": .dictionary(descriptor)]
        descendant.merge(extra) { $1 }
        var font: [String: PDFObject] = ["Subtype": .name("Type0"), "BaseFont": .name("ABCDEF+Test"),
                                         "Encoding": encoding, "DescendantFonts": .array([.dictionary(PDFDictionary(descendant))])]
        font["ToUnicode"] = toUnicode
        return try FontLoader(source: loader ?? source).load(PDFDictionary(font))
    }

    func testIdentityHTrueTypeWithoutToUnicodeReadsCMapThenPostNames() throws {
        let font = try type0(InMemoryObjectSource(), program: trueType)
        let glyphs = font.decode([0, 1, 0, 3, 0, 4, 0, 5, 0, 9])
        XCTAssertEqual(glyphs.map(\.text), ["A", "C", "fi", "\u{FFFD}", "\u{FFFD}"])
        XCTAssertEqual(glyphs.map(\.isUnknown), [false, false, false, true, true], "g5 and glyph 9 mean nothing")
    }

    func testGlyphsSharedByCodePointsReadAsTheOrdinaryOne() throws {
        // Glyph 1: CR, space, no-break space; glyph 2: a private-use copy and A; glyph 3: only
        // a private-use code point; glyph 4: only a control.
        let cmap = B.format12([(0x09, 0x09, 4), (0x0D, 0x0D, 1), (0x20, 0x20, 1), (0x41, 0x41, 2), (0xA0, 0xA0, 1),
                               (0xE000, 0xE000, 2), (0xE001, 0xE001, 3)])
        let program = try XCTUnwrap(EmbeddedFontProgram(B.sfnt([("cmap", B.cmap([(3, 10, cmap)]))])))
        XCTAssertEqual((1...4).map(program.text(forGlyph:)), [" ", "A", "\u{E001}", nil])
    }

    func testCIDToGIDMapStreamSelectsTheGlyph() throws {
        let source = InMemoryObjectSource()
        // CID 0 → glyph 0, CID 1 → glyph 3 (C), CID 2 → glyph 1 (A).
        let map = source.add(30, binaryStream(B.u16(0) + B.u16(3) + B.u16(1)))
        let font = try type0(source, program: trueType, extra: ["CIDToGIDMap": map])
        XCTAssertEqual(font.text([0, 1, 0, 2]), "CA")
        XCTAssertEqual(font.decode([0, 3])[0].text, "\u{FFFD}", "CIDs past the map's end have no glyph")
    }

    func testToUnicodeWinsAndTheProgramFillsOnlyWhatItLacks() throws {
        let source = InMemoryObjectSource()
        let toUnicode = source.add(9, stream("1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar <0001> <0058> endbfchar"))
        let font = try type0(source, program: trueType, toUnicode: toUnicode)
        XCTAssertEqual(font.text([0, 1, 0, 2]), "XB")
    }

    func testFontsWhoseToUnicodeMapsEveryShownCodeNeverReadTheirProgram() throws {
        let source = InMemoryObjectSource()
        let counting = CountingObjectSource(source)
        let cmap = "1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <00FF> <0041> endbfrange"
        let font = try type0(source, program: trueType, toUnicode: source.add(9, stream(cmap)), loadingThrough: counting)
        XCTAssertEqual(font.text([0, 1, 0, 2]), "BC")
        XCTAssertEqual(counting.decodedSizes, [cmap.utf8.count], "only the ToUnicode stream was decoded")
    }

    func testAProgramIsDecodedOnceEvenWhenItIsUnusable() throws {
        let source = InMemoryObjectSource()
        let counting = CountingObjectSource(source)
        let font = try type0(source, program: Array("not a font".utf8), loadingThrough: counting)
        XCTAssertTrue(font.decode([0, 1, 0, 2, 0, 3]).allSatisfy(\.isUnknown))
        XCTAssertEqual(counting.decodedSizes, [10], "three unmapped codes, one decode")
    }

    func testEmbeddedCMapUsingIdentityHKnowsItsCIDs() throws {
        let source = InMemoryObjectSource()
        let encoding = source.add(8, stream("/Identity-H usecmap 1 begincodespacerange <0000> <FFFF> endcodespacerange"))
        XCTAssertEqual(try type0(source, program: trueType, encoding: encoding).text([0, 2]), "B")
    }

    func testPredefinedCMapsWithoutCIDTablesDoNotGuessFromTheProgram() throws {
        // Codes of 90ms-RKSJ-H are not CIDs; without the CMap, glyph ids would be guesses.
        let font = try type0(InMemoryObjectSource(), program: trueType, encoding: .name("90ms-RKSJ-H"))
        XCTAssertTrue(font.decode([0, 1])[0].isUnknown)
    }

    func testNameKeyedCFFSelectsGlyphsByCIDAndNamesThem() throws {
        let cff = B.cff(glyphCount: 3, charset: [0] + B.u16(34) + B.u16(391), strings: ["uni20AC"])
        let font = try type0(InMemoryObjectSource(), subtype: "CIDFontType0", fontFile: "FontFile3", program: cff)
        XCTAssertEqual(font.text([0, 1, 0, 2]), "A€")
    }

    func testCIDKeyedCFFWithoutCMapHasNothingToRecover() throws {
        let cff = B.cff(glyphCount: 3, charset: [2] + B.u16(1) + B.u16(1), cidKeyed: true)
        let font = try type0(InMemoryObjectSource(), subtype: "CIDFontType0", fontFile: "FontFile3", program: cff)
        XCTAssertTrue(font.decode([0, 1, 0, 2]).allSatisfy(\.isUnknown))
    }

    func testOpenTypeCFFMapsCIDsThroughItsCharsetThenItsCMap() throws {
        // CID 500 is glyph 2 by the CID-keyed charset; the OpenType cmap says glyph 2 is "é".
        let cff = B.cff(glyphCount: 3, charset: [0] + B.u16(499) + B.u16(500), cidKeyed: true)
        let openType = B.sfnt([("CFF ", cff), ("cmap", B.cmap([(3, 1, B.format12([(0xE9, 0xE9, 2)]))])),
                               ("maxp", B.maxp(glyphs: 3))], version: 0x4F54_544F)
        let font = try type0(InMemoryObjectSource(), subtype: "CIDFontType0", fontFile: "FontFile3", program: openType)
        XCTAssertEqual(font.decode([0x01, 0xF4, 0x01, 0xF3]).map(\.text), ["é", "\u{FFFD}"])
    }

    // MARK: Simple fonts

    private func simpleTrueType(_ program: [UInt8], flags: Int, encoding: PDFObject? = nil,
                                subtype: String = "TrueType") throws -> PDFFont {
        let source = InMemoryObjectSource()
        let descriptor = PDFDictionary(["Flags": .integer(flags), "FontFile2": source.add(20, binaryStream(program))])
        var font: [String: PDFObject] = ["Subtype": .name(subtype), "BaseFont": .name("ABCDEF+Test"),
                                         "FontDescriptor": .dictionary(descriptor)]
        font["Encoding"] = encoding
        return try FontLoader(source: source).load(PDFDictionary(font))
    }

    func testSymbolicTrueTypeWithoutEncodingUsesItsSymbolCMapAndGlyphNames() throws {
        // Codes 1…2 select glyphs 1…2 through the (3,0) cmap at U+F001…; post names them.
        let program = B.sfnt([
            ("cmap", B.cmap([(3, 0, B.format4([.init(start: 0xF001, end: 0xF002, delta: -0xF000)]))])),
            ("post", B.post2(indices: [0, 258, 259], custom: ["Euro", "bullet"])),
        ])
        let font = try simpleTrueType(program, flags: 4)
        XCTAssertEqual(font.text([1, 2]), "€•")
        XCTAssertEqual(font.text([0x5A]), "Z", "codes the program does not map keep the Latin-1 reading")
    }

    func testSymbolicTrueTypeReadsTheMacintoshCMap() throws {
        let program = B.sfnt([("cmap", B.cmap([(1, 0, B.format0([7: 1]))])),
                              ("post", B.post2(indices: [0, 36], custom: []))])
        XCTAssertEqual(try simpleTrueType(program, flags: 4).text([7]), "A")
    }

    func testNonSymbolicEmbeddedTrueTypeWithoutEncodingReadsWinAnsiThenItsCMap() throws {
        // 0xE9 is é in WinAnsi (Ø in StandardEncoding); code 5 has no WinAnsi name, and the
        // font's (1,0) cmap draws glyph 1 for it, which post names Euro.
        let program = B.sfnt([("cmap", B.cmap([(1, 0, B.format0([5: 1]))])),
                              ("post", B.post2(indices: [0, 258], custom: ["Euro"]))])
        XCTAssertEqual(try simpleTrueType(program, flags: 32).text([0x41, 0xE9, 5]), "Aé€")
    }

    func testUnknownGlyphNamesOfTheEncodingAreFoundInThePostTable() throws {
        // /Differences names code 0x41 `g7`; post says glyph 1 is `g7`, and the cmap says glyph 1
        // is é. Looking the code itself up (U+0041 → glyph 2) would be wrong.
        let program = B.sfnt([
            ("cmap", B.cmap([(3, 1, B.format12([(0x41, 0x41, 2), (0xE9, 0xE9, 1)]))])),
            ("post", B.post2(indices: [0, 258, 36], custom: ["g7"])),
        ])
        let encoding = PDFObject.dictionary(PDFDictionary(["Differences": .array(names("65 g7 66 g8"))]))
        let font = try simpleTrueType(program, flags: 32, encoding: encoding)
        XCTAssertEqual(font.text([0x41]), "é")
        XCTAssertTrue(font.decode([0x42])[0].isUnknown, "a name neither the glyph list nor the program knows")
    }

    func testATrueTypeProgramLabelledType1IsStillRead() throws {
        // StandardEncoding (the Type 1 default) has no glyph at 0xE4; the program's (3,1) cmap has ä.
        let program = B.sfnt([("cmap", B.cmap([(3, 1, B.format4([.init(start: 0xE4, end: 0xE4, delta: 1 - 0xE4)]))])),
                              ("maxp", B.maxp(glyphs: 2))])
        XCTAssertEqual(try simpleTrueType(program, flags: 32, subtype: "Type1").text([0x41, 0xE4]), "Aä")
    }

    func testExplicitEncodingStillWinsOverTheProgram() throws {
        let program = B.sfnt([("cmap", B.cmap([(3, 1, B.format4([.init(start: 0xE9, end: 0xE9, delta: 1 - 0xE9)]))]))])
        XCTAssertEqual(try simpleTrueType(program, flags: 32, encoding: .name("MacRomanEncoding")).text([0xE9]), "È")
    }

    func testType1CBuiltInEncodingNamesCodesWhenTheFontHasNoEncoding() throws {
        let cff = B.cff(glyphCount: 3, charset: [0] + B.u16(34) + B.u16(66), encoding: [0, 2, 0x31, 0x32])
        let source = InMemoryObjectSource()
        let descriptor = PDFDictionary(["Flags": .integer(4), "FontFile3": source.add(20, binaryStream(cff, ["Subtype": .name("Type1C")]))])
        let font = try FontLoader(source: source).load(PDFDictionary([
            "Subtype": .name("Type1"), "BaseFont": .name("ABCDEF+Test"), "FontDescriptor": .dictionary(descriptor),
        ]))
        XCTAssertEqual(font.text([0x31, 0x32]), "Aa")
        XCTAssertTrue(font.decode([0x41])[0].isUnknown, "the built-in encoding replaces StandardEncoding")
    }

    func testDamagedProgramsLeaveGlyphsUnknown() throws {
        var damaged = trueType
        damaged.replaceSubrange(12..<damaged.count, with: [UInt8](repeating: 0xFF, count: damaged.count - 12))
        for program in [damaged, Array(trueType.prefix(40)), [], Array("garbage".utf8)] {
            let font = try type0(InMemoryObjectSource(), program: program)
            XCTAssertTrue(font.decode([0, 1, 0, 2]).allSatisfy(\.isUnknown))
        }
    }
}

/// An object store that records the size of every stream it decodes.
final class CountingObjectSource: PDFObjectSource {
    private let inner: InMemoryObjectSource
    private(set) var decodedSizes: [Int] = []
    init(_ inner: InMemoryObjectSource) { self.inner = inner }
    func resolve(_ object: PDFObject) throws -> PDFObject { try inner.resolve(object) }
    func decodedData(of stream: PDFStream) throws -> [UInt8] {
        decodedSizes.append(stream.rawData.count)
        return try inner.decodedData(of: stream)
    }
}
