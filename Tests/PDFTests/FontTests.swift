import XCTest
@testable import PDF

final class FontTests: XCTestCase {
    func testStandard14FontUsesBuiltInWidthsAndWinAnsi() throws {
        let source = InMemoryObjectSource()
        let font = try FontLoader(source: source).load(PDFDictionary([
            "Type": .name("Font"), "Subtype": .name("Type1"),
            "BaseFont": .name("Helvetica"), "Encoding": .name("WinAnsiEncoding"),
        ]))
        let glyphs = font.decode([0x57, 0xE9, 0x80, 0x20])
        XCTAssertEqual(glyphs.map(\.text).joined(), "Wé€ ")
        XCTAssertEqual(glyphs[0].advance, 0.944, accuracy: 1e-9, "Helvetica W is 944/1000 em")
        XCTAssertEqual(glyphs[3].advance, 0.278, accuracy: 1e-9)
        XCTAssertTrue(glyphs[3].isWordSpace)
        XCTAssertFalse(glyphs[0].isUnknown)
    }

    func testArialAliasAndBoldMetrics() throws {
        let font = try FontLoader(source: InMemoryObjectSource()).load(PDFDictionary([
            "Subtype": .name("TrueType"), "BaseFont": .name("Arial,Bold"),
        ]))
        XCTAssertEqual(font.decode([0x41])[0].advance, 0.722, accuracy: 1e-9, "Helvetica-Bold A")
    }

    func testEveryStandardLatinFontHasItsOwnMetrics() throws {
        // Widths of "W" (AFM): each name must reach its own table, not a neighbour's.
        let expected: [(String, Double)] = [
            ("Courier", 600), ("Courier-Bold", 600), ("Courier-Oblique", 600), ("Courier-BoldOblique", 600),
            ("Helvetica", 944), ("Helvetica-Bold", 944), ("Helvetica-Oblique", 944), ("Helvetica-BoldOblique", 944),
            ("Times-Roman", 944), ("Times-Bold", 1000), ("Times-Italic", 833), ("Times-BoldItalic", 889),
        ]
        for (name, width) in expected {
            let metrics = try XCTUnwrap(StandardFontMetrics.named(name), name)
            XCTAssertEqual(metrics.width(of: "W"), width, name)
            XCTAssertGreaterThan(metrics.ascent, 0, name)
            XCTAssertLessThan(metrics.descent, 0, name)
        }
        XCTAssertEqual(StandardFontMetrics.named("TimesNewRomanPS-BoldItalicMT")?.width(of: "W"), 889)
        XCTAssertNil(StandardFontMetrics.named("Garamond"))
    }

    func testWidthsArrayAndFirstCharWin() throws {
        let font = try FontLoader(source: InMemoryObjectSource()).load(PDFDictionary([
            "Subtype": .name("TrueType"), "BaseFont": .name("ABCDEF+Helvetica"),
            "FirstChar": .integer(65), "Widths": .array([.integer(100), .real(250.5)]),
        ]))
        let glyphs = font.decode([0x41, 0x42, 0x43])
        XCTAssertEqual(glyphs[0].advance, 0.1, accuracy: 1e-9)
        XCTAssertEqual(glyphs[1].advance, 0.2505, accuracy: 1e-9)
        XCTAssertEqual(glyphs[2].advance, 0, accuracy: 1e-9, "outside Widths and no MissingWidth")
    }

    func testDifferencesOverrideBaseEncoding() throws {
        let source = InMemoryObjectSource()
        let encoding = source.add(5, .dictionary(PDFDictionary([
            "BaseEncoding": .name("MacRomanEncoding"),
            "Differences": .array(names("65 uni20AC fi 200 g12 Adieresis")),
        ])))
        let font = try FontLoader(source: source).load(PDFDictionary([
            "Subtype": .name("Type1"), "BaseFont": .name("Foo"), "Encoding": encoding,
        ]))
        XCTAssertEqual(font.text([65, 66, 0x8E]), "€\u{FB01}é")
        let unknown = font.decode([200])[0]
        XCTAssertTrue(unknown.isUnknown, "g12 has no Unicode meaning")
        XCTAssertEqual(unknown.text, "\u{FFFD}")
        XCTAssertEqual(font.text([201]), "Ä")
    }

    func testToUnicodeWinsOverEncoding() throws {
        let source = InMemoryObjectSource()
        let toUnicode = source.add(7, stream("1 beginbfchar <41> <0058> endbfchar"))
        let font = try FontLoader(source: source).load(PDFDictionary([
            "Subtype": .name("Type1"), "BaseFont": .name("Times-Roman"), "ToUnicode": toUnicode,
        ]))
        XCTAssertEqual(font.text([0x41, 0x42]), "XB")
    }

    func testBuiltInEncodingOfEmbeddedType1Program() throws {
        let source = InMemoryObjectSource()
        let program = stream("""
        %!PS-AdobeFont-1.0: CMR10
        /Encoding 256 array
        0 1 255 {1 index exch /.notdef put} for
        dup 11 /ff put
        dup 65 /A put
        readonly def
        currentdict end
        currentfile eexec
        """)
        let descriptor = source.add(3, .dictionary(PDFDictionary(["FontFile": source.add(4, program)])))
        let font = try FontLoader(source: source).load(PDFDictionary([
            "Subtype": .name("Type1"), "BaseFont": .name("KNEUFH+CMR10"), "FontDescriptor": descriptor,
        ]))
        XCTAssertEqual(font.text([11, 65]), "\u{FB00}A", "ligatures are expanded by layout, not the font")
        XCTAssertTrue(font.decode([66])[0].isUnknown, "codes the program leaves out are unknown")
    }

    func testType3WidthsUseFontMatrix() throws {
        let font = try FontLoader(source: InMemoryObjectSource()).load(PDFDictionary([
            "Subtype": .name("Type3"),
            "FontMatrix": .array([.real(0.01), .integer(0), .integer(0), .real(0.01), .integer(0), .integer(0)]),
            "FontBBox": .array([.integer(0), .integer(-20), .integer(100), .integer(80)]),
            "Encoding": .dictionary(PDFDictionary(["Differences": .array(names("1 a b"))])),
            "FirstChar": .integer(1), "Widths": .array([.integer(50), .integer(60)]),
        ]))
        let glyphs = font.decode([1, 2])
        XCTAssertEqual(glyphs.map(\.text).joined(), "ab")
        XCTAssertEqual(glyphs[0].advance, 0.5, accuracy: 1e-9)
        XCTAssertEqual(font.ascent, 0.8, accuracy: 1e-9)
    }

    func testType0IdentityHWithToUnicodeAndCIDWidths() throws {
        let source = InMemoryObjectSource()
        let toUnicode = source.add(9, stream("""
        1 begincodespacerange <0000> <FFFF> endcodespacerange
        2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar
        1 beginbfrange <0024> <0026> <0041> endbfrange
        """))
        let descendant = PDFObject.dictionary(PDFDictionary([
            "Subtype": .name("CIDFontType2"), "DW": .integer(700),
            "W": .array([.integer(3), .array([.integer(250)]), .integer(36), .integer(38), .integer(600)]),
        ]))
        let font = try FontLoader(source: source).load(PDFDictionary([
            "Subtype": .name("Type0"), "BaseFont": .name("AAAAAA+ArialMT"), "Encoding": .name("Identity-H"),
            "DescendantFonts": .array([descendant]), "ToUnicode": toUnicode,
        ]))
        let glyphs = font.decode([0x00, 0x24, 0x00, 0x03, 0x00, 0x11, 0x00, 0x26, 0x00, 0x50])
        XCTAssertEqual(glyphs.map(\.text), ["A", " ", "fi", "C", "\u{FFFD}"])
        XCTAssertEqual(glyphs.map(\.advance), [0.6, 0.25, 0.7, 0.6, 0.7])
        XCTAssertFalse(glyphs[1].isWordSpace, "word spacing never applies to two-byte codes")
        XCTAssertTrue(glyphs[4].isUnknown)
        XCTAssertFalse(font.isVertical)
    }

    func testType0IdentityVIsVertical() throws {
        let font = try FontLoader(source: InMemoryObjectSource()).load(PDFDictionary([
            "Subtype": .name("Type0"), "Encoding": .name("Identity-V"),
            "DescendantFonts": .array([.dictionary(PDFDictionary(["DW2": .array([.integer(880), .integer(-1000)])]))]),
        ]))
        XCTAssertTrue(font.isVertical)
        XCTAssertEqual(font.verticalAdvance, -1)
    }

    func testPredefinedUCS2CMapCodesAreUnicode() throws {
        let font = try FontLoader(source: InMemoryObjectSource()).load(PDFDictionary([
            "Subtype": .name("Type0"), "Encoding": .name("UniJIS-UCS2-H"),
            "DescendantFonts": .array([.dictionary(PDFDictionary(["DW": .integer(1000)]))]),
        ]))
        XCTAssertEqual(font.text([0x65, 0xE5, 0x00, 0x41]), "日A")
    }

    func testEmbeddedEncodingCMapMapsCodesToCIDs() throws {
        let source = InMemoryObjectSource()
        let encoding = source.add(2, stream("""
        1 begincodespacerange <00> <FF> endcodespacerange
        1 begincidrange <20> <7E> 1 endcidrange
        """))
        let toUnicode = source.add(3, stream("1 beginbfrange <20> <7E> <0020> endbfrange"))
        let font = try FontLoader(source: source).load(PDFDictionary([
            "Subtype": .name("Type0"), "Encoding": encoding, "ToUnicode": toUnicode,
            "DescendantFonts": .array([.dictionary(PDFDictionary([
                "W": .array([.integer(34), .array([.integer(400)])]),
            ]))]),
        ]))
        let glyphs = font.decode(Array("AB".utf8))
        XCTAssertEqual(glyphs.map(\.text).joined(), "AB")
        XCTAssertEqual(glyphs[0].advance, 0.4, accuracy: 1e-9, "A is CID 34")
        XCTAssertEqual(glyphs[1].advance, 1.0, accuracy: 1e-9)
    }
}
