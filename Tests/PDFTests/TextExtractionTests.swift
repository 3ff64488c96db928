import XCTest
@testable import PDF

/// The content interpreter over synthetic content streams: positions, text state, graphics
/// state, forms, marked content and limits. Fonts are Helvetica (built-in metrics) unless noted.
final class TextExtractionTests: XCTestCase {
    private let letter = PDFRect(x0: 0, y0: 0, x1: 612, y1: 792)
    private var source = InMemoryObjectSource()

    override func setUp() {
        source = InMemoryObjectSource()
    }

    private var helvetica: PDFObject {
        .dictionary(PDFDictionary(["Type": .name("Font"), "Subtype": .name("Type1"),
                                   "BaseFont": .name("Helvetica"), "Encoding": .name("WinAnsiEncoding")]))
    }

    private func resources(xobjects: [String: PDFObject] = [:], extra: [String: PDFObject] = [:]) -> PDFDictionary {
        var entries: [String: PDFObject] = ["Font": .dictionary(PDFDictionary(["F1": source.add(100, helvetica)]))]
        if !xobjects.isEmpty { entries["XObject"] = .dictionary(PDFDictionary(xobjects)) }
        for (key, value) in extra { entries[key] = value }
        return PDFDictionary(entries)
    }

    private func glyphs(_ content: String, resources: PDFDictionary? = nil, cropBox: PDFRect? = nil, rotate: Int = 0,
                        limits: PDFLimits = PDFLimits()) throws -> [PositionedGlyph] {
        let space = PageSpace(cropBox: cropBox ?? letter, rotate: rotate)
        var count = 0
        let interpreter = ContentInterpreter(source: source, fonts: FontCache(source: source), countOperator: {
            count += 1
            if count > limits.maxContentOperators { throw PDFError.tooManyContentOperators(limit: limits.maxContentOperators) }
        }, glyphBudget: limits.maxContentOperators, glyphLimit: limits.maxContentOperators,
                                             maxFormDepth: limits.maxNestingDepth, pageSpace: space.matrix)
        try interpreter.run(Array(content.utf8), resources: resources ?? self.resources())
        return interpreter.glyphs
    }

    private func page(_ content: String, resources: PDFDictionary? = nil, rotate: Int = 0) throws -> TextPage {
        let space = PageSpace(cropBox: letter, rotate: rotate)
        return PageLayout.textPage(number: 1, width: space.width, height: space.height,
                                   glyphs: try glyphs(content, resources: resources, rotate: rotate))
    }

    func testGlyphBoxesAreInTopLeftPageSpace() throws {
        let g = try glyphs("BT /F1 10 Tf 1 0 0 1 100 700 Tm (Hi) Tj ET")
        XCTAssertEqual(g.map(\.text), ["H", "i"])
        XCTAssertEqual(g[0].box.x0, 100, accuracy: 1e-9)
        XCTAssertEqual(g[0].box.x1, 107.22, accuracy: 1e-9, "Helvetica H is 722/1000 em")
        XCTAssertEqual(g[0].originY, 92, accuracy: 1e-9, "baseline 700 pt up is 92 pt down from the top")
        XCTAssertEqual(g[0].box.y0, 92 - 7.18, accuracy: 1e-9, "ascent 718")
        XCTAssertEqual(g[0].box.y1, 92 + 2.07, accuracy: 1e-9, "descent -207")
        XCTAssertEqual(g[1].box.x0, 107.22, accuracy: 1e-9)
        XCTAssertEqual(g[0].fontSize, 10, accuracy: 1e-9)
    }

    func testTJAdjustmentsCharacterAndWordSpacingAndScaling() throws {
        // -2000 thousandths at 10 pt move the next glyph 20 pt right: a new word.
        XCTAssertEqual(try page("BT /F1 10 Tf 72 700 Td [(ab) -2000 (cd) 30 (e)] TJ ET").words.map(\.text), ["ab", "cde"])
        // Tc adds to every glyph, Tw to the space only, Tz scales both horizontally.
        let g = try glyphs("BT /F1 10 Tf 2 Tc 5 Tw 50 Tz 0 0 Td (a b) Tj ET")
        XCTAssertEqual(g[1].box.x0 - g[0].box.x0, (5.56 + 2) * 0.5, accuracy: 1e-9)
        XCTAssertEqual(g[2].box.x0 - g[1].box.x0, (2.78 + 2 + 5) * 0.5, accuracy: 1e-9)
        XCTAssertEqual(g[0].box.width, 5.56 * 0.5, accuracy: 1e-9)
    }

    func testLineOperators() throws {
        let content = """
        BT /F1 10 Tf 14 TL 72 700 Td (one) Tj T* (two) Tj (three) ' 3 0.5 (four) " 0 -30 TD (five) Tj ET
        """
        let g = try glyphs(content)
        let baselines = Dictionary(grouping: g, by: \.originY).keys.sorted()
        XCTAssertEqual(baselines, [92, 106, 120, 134, 164].map(Double.init))
        XCTAssertEqual(try page(content).lines.map(\.text), ["one", "two", "three", "four", "five"])
    }

    func testGraphicsStateScalesTextAndRestores() throws {
        let g = try glyphs("q 2 0 0 2 0 0 cm BT /F1 10 Tf 10 10 Td (A) Tj ET Q BT /F1 10 Tf 10 10 Td (B) Tj ET")
        XCTAssertEqual(g[0].fontSize, 20, accuracy: 1e-9)
        XCTAssertEqual(g[0].box.x0, 20, accuracy: 1e-9)
        XCTAssertEqual(g[1].fontSize, 10, accuracy: 1e-9, "Q restores the CTM")
        XCTAssertEqual(g[1].box.x0, 10, accuracy: 1e-9)
    }

    func testTextStateIsSavedByQ() throws {
        let g = try glyphs("BT /F1 10 Tf 0 0 Td q 5 Tc Q (ab) Tj ET")
        XCTAssertEqual(g[1].box.x0, 5.56, accuracy: 1e-9, "character spacing set inside q…Q is gone after Q")
    }

    func testCropBoxAndRotation() throws {
        let crop = PDFRect(x0: 50, y0: 100, x1: 550, y1: 700)
        let shifted = try glyphs("BT /F1 10 Tf 60 690 Td (A) Tj ET", cropBox: crop)
        XCTAssertEqual(shifted[0].box.x0, 10, accuracy: 1e-9)
        XCTAssertEqual(shifted[0].originY, 10, accuracy: 1e-9)

        // Rotated 90° clockwise: the page is displayed 792 wide; text that ran up the unrotated
        // page's left edge now reads left to right along the top.
        let page = try self.page("BT /F1 10 Tf 0 1 -1 0 100 100 Tm (Up) Tj ET", rotate: 90)
        XCTAssertEqual(page.width, 792)
        XCTAssertEqual(page.height, 612)
        XCTAssertEqual(page.words.map(\.text), ["Up"])
        XCTAssertEqual(page.words[0].box.x0, 100, accuracy: 1e-9)
        XCTAssertEqual(page.words[0].box.y1, 100 + 2.07, accuracy: 1e-9)

        let sideways = try glyphs("BT /F1 10 Tf 100 100 Td (A) Tj ET", rotate: 90)
        XCTAssertEqual(sideways[0].direction, .topToBottom)
    }

    func testFormXObjectsDrawWithTheirMatrixAndResources() throws {
        let form = source.add(7, .stream(PDFStream(dictionary: PDFDictionary([
            "Subtype": .name("Form"), "Matrix": .array([1, 0, 0, 1, 200, 0].map { PDFObject.integer($0) }),
            "Resources": .dictionary(resources()),
        ]), rawData: Array("BT /F1 10 Tf 0 700 Td (Form) Tj ET".utf8)[...], objectID: nil)))
        let page = try self.page("q 1 0 0 1 50 0 cm /Fm1 Do Q BT /F1 10 Tf 0 600 Td (After) Tj ET",
                                 resources: resources(xobjects: ["Fm1": form]))
        XCTAssertEqual(page.words.map(\.text), ["Form", "After"])
        XCTAssertEqual(page.words[0].box.x0, 250, accuracy: 1e-9)
    }

    func testFormThatDrawsItselfIsDrawnOnce() throws {
        let id = PDFObjectID(number: 8, generation: 0)
        source.objects[id] = .stream(PDFStream(dictionary: PDFDictionary([
            "Subtype": .name("Form"),
            "Resources": .dictionary(resources(xobjects: ["Me": .reference(id)])),
        ]), rawData: Array("BT /F1 10 Tf 0 700 Td (Loop) Tj ET /Me Do".utf8)[...], objectID: id))
        let page = try self.page("/Me Do", resources: resources(xobjects: ["Me": .reference(id)]))
        XCTAssertEqual(page.words.map(\.text), ["Loop"])
    }

    func testFormNestingBeyondTheLimitFails() throws {
        // Forms 1…10, each drawing the next: deeper than a limit of 4.
        for n in 1...10 {
            source.objects[PDFObjectID(number: 200 + n, generation: 0)] = .stream(PDFStream(dictionary: PDFDictionary([
                "Subtype": .name("Form"),
                "Resources": .dictionary(PDFDictionary(["XObject": .dictionary(PDFDictionary([
                    "Next": .reference(PDFObjectID(number: 201 + n, generation: 0))]))])),
            ]), rawData: Array("/Next Do".utf8)[...], objectID: nil))
        }
        var limits = PDFLimits()
        limits.maxNestingDepth = 4
        let top = resources(xobjects: ["Next": .reference(PDFObjectID(number: 201, generation: 0))])
        XCTAssertThrowsError(try glyphs("/Next Do", resources: top, limits: limits)) { error in
            XCTAssertEqual(error as? PDFError, .nestingTooDeep(limit: 4))
        }
    }

    /// Every operator, acted on or not, is counted; the counter's error stops interpretation.
    func testOperatorLimit() throws {
        var limits = PDFLimits()
        limits.maxContentOperators = 100
        let content = String(repeating: "q Q ", count: 60)
        XCTAssertThrowsError(try glyphs(content, limits: limits)) { error in
            XCTAssertEqual(error as? PDFError, .tooManyContentOperators(limit: 100))
        }
        XCTAssertNoThrow(try glyphs(String(repeating: "q Q ", count: 50), limits: limits))
    }

    /// Shown text is bounded too: one huge string cannot grow the glyph list without limit.
    func testGlyphLimit() throws {
        var limits = PDFLimits()
        limits.maxContentOperators = 100
        let huge = "BT /F1 10 Tf (" + String(repeating: "x", count: 101) + ") Tj ET"
        XCTAssertThrowsError(try glyphs(huge, limits: limits)) { error in
            XCTAssertEqual(error as? PDFError, .tooManyContentOperators(limit: 100))
        }
        XCTAssertEqual(try glyphs("BT /F1 10 Tf (" + String(repeating: "x", count: 90) + ") Tj ET", limits: limits).count, 90)
    }

    func testActualTextReplacesTheGlyphsItCovers() throws {
        let content = """
        BT /F1 10 Tf 0 700 Td /Span << /ActualText <FEFF0066006900630068006500200021> >> BDC (xx) Tj EMC
        /P BMC ( z) Tj EMC ET
        """
        XCTAssertEqual(try page(content).text, "fiche ! z")
    }

    func testMarkedContentUnknownOperatorsAndBadOperandsAreTolerated() throws {
        let content = """
        /OC /MC0 BDC 1 0 0 RG 0 0 m 10 10 l S EMC foo bar 12 Baz
        BT /Missing 10 Tf (lost) Tj /F1 Tf (nosize) Tj /F1 10 Tf 1 2 Tm 0 700 Td (kept) Tj ET
        """
        XCTAssertEqual(try page(content).words.map(\.text), ["kept"])
    }

    func testFontThatCannotBeLoadedYieldsUnknownGlyphsInPlace() throws {
        let res = PDFDictionary(["Font": .dictionary(PDFDictionary(["F9": .reference(PDFObjectID(number: 999, generation: 0))]))])
        let page = try self.page("BT /F9 10 Tf 0 700 Td (ab) Tj ET", resources: res)
        XCTAssertEqual(page.words.map(\.text), ["\u{FFFD}\u{FFFD}"])
        XCTAssertEqual(page.unknownCharacterCount, 2)
        XCTAssertEqual(page.words[0].box.width, 10, accuracy: 1e-9, "two glyphs of half an em")
    }

    func testInvisibleTextIsExtracted() throws {
        XCTAssertEqual(try page("BT 3 Tr /F1 10 Tf 0 700 Td (ocr) Tj ET").words.map(\.text), ["ocr"])
    }

    func testVerticalFontAdvancesDownwards() throws {
        let font = PDFObject.dictionary(PDFDictionary([
            "Subtype": .name("Type0"), "Encoding": .name("Identity-V"),
            "DescendantFonts": .array([.dictionary(PDFDictionary(["DW": .integer(1000)]))]),
            "ToUnicode": stream("1 beginbfrange <0001> <0003> <0041> endbfrange"),
        ]))
        let res = PDFDictionary(["Font": .dictionary(PDFDictionary(["V1": font]))])
        let g = try glyphs("BT /V1 10 Tf 300 700 Td <000100020003> Tj ET", resources: res)
        XCTAssertEqual(g.map(\.text), ["A", "B", "C"])
        XCTAssertEqual(g[1].originY - g[0].originY, 10, accuracy: 1e-9)
        XCTAssertEqual(g[0].direction, .topToBottom)
        XCTAssertEqual(PageLayout.textPage(number: 1, width: 612, height: 792, glyphs: g).words.map(\.text), ["ABC"])
    }
}
