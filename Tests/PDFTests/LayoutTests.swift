import XCTest
@testable import PDF

/// Layout over synthetic glyphs: monospaced 10 pt glyphs, 6 pt wide, laid out like a typesetter.
final class LayoutTests: XCTestCase {
    private let size = 10.0
    private let advance = 6.0

    /// Glyphs for `text` starting at (x, baseline), one per character, spaces included.
    private func glyphs(_ text: String, x: Double, baseline: Double, size: Double? = nil) -> [PositionedGlyph] {
        let size = size ?? self.size
        let advance = size * 0.6
        return text.enumerated().map { index, character in
            let x0 = x + Double(index) * advance
            return PositionedGlyph(text: String(character), isUnknown: character == "\u{FFFD}",
                                   box: PDFRect(x0: x0, y0: baseline - 0.8 * size, x1: x0 + advance, y1: baseline + 0.2 * size),
                                   originX: x0, originY: baseline, fontSize: size, direction: .leftToRight)
        }
    }

    private func page(_ glyphs: [PositionedGlyph]) -> TextPage {
        PageLayout.textPage(number: 1, width: 600, height: 800, glyphs: glyphs)
    }

    func testSpacesAndGapsSeparateWords() {
        var all = glyphs("Invoice no", x: 50, baseline: 100)
        // "R81" drawn 2 pt after "no" without a space glyph: a gap above 0.1 em breaks the word.
        all += glyphs("R81", x: 50 + 10 * advance + 2, baseline: 100)
        // "37" kerned 0.5 pt after: still the same word.
        all += glyphs("37", x: 50 + 13 * advance + 2.5, baseline: 100)
        let page = page(all)
        XCTAssertEqual(page.words.map(\.text), ["Invoice", "no", "R8137"])
        XCTAssertEqual(page.lines.count, 1)
        XCTAssertEqual(page.text, "Invoice no R8137")
        XCTAssertEqual(page.words[0].box, PDFRect(x0: 50, y0: 92, x1: 50 + 7 * advance, y1: 102))
    }

    func testLinesFollowBaselinesEvenWhenDrawnOutOfOrder() {
        let page = page(glyphs("second line", x: 50, baseline: 112) + glyphs("first line", x: 50, baseline: 100))
        XCTAssertEqual(page.lines.map(\.text), ["first line", "second line"])
    }

    func testSuperscriptStaysOnItsLine() {
        let page = page(glyphs("m", x: 50, baseline: 100) + glyphs("2", x: 56, baseline: 97, size: 6)
                        + glyphs(" total", x: 59.6, baseline: 100))
        XCTAssertEqual(page.lines.map(\.text), ["m2 total"])
    }

    func testColumnsAreReadOneAfterTheOther() {
        var all: [PositionedGlyph] = []
        for row in 0..<3 {
            let baseline = 100 + Double(row) * 12
            all += glyphs("left \(row)", x: 50, baseline: baseline)
            all += glyphs("right \(row)", x: 300, baseline: baseline)
        }
        let page = page(all)
        XCTAssertEqual(page.lines.map(\.text), ["left 0", "left 1", "left 2", "right 0", "right 1", "right 2"])
    }

    func testHeaderThenColumnsThenFooter() {
        var all = glyphs("Title across the page", x: 50, baseline: 80)
        for row in 0..<2 {
            let baseline = 100 + Double(row) * 12
            all += glyphs("col A \(row)", x: 50, baseline: baseline)
            all += glyphs("col B \(row)", x: 300, baseline: baseline)
        }
        all += glyphs("Footer", x: 50, baseline: 300)
        XCTAssertEqual(page(all).lines.map(\.text),
                       ["Title across the page", "col A 0", "col A 1", "col B 0", "col B 1", "Footer"])
    }

    func testWidelySpacedRowsReadRowByRow() {
        // Table rows 30 pt apart do not stack into columns: each row is read left to right.
        var all: [PositionedGlyph] = []
        for row in 0..<2 {
            let baseline = 100 + Double(row) * 30
            all += glyphs("item\(row)", x: 50, baseline: baseline)
            all += glyphs("9.99", x: 400, baseline: baseline)
        }
        XCTAssertEqual(page(all).lines.map(\.text), ["item0", "9.99", "item1", "9.99"])
    }

    func testLigaturesAreExpanded() {
        XCTAssertEqual(page(glyphs("\u{FB01}le o\u{FB03}ce", x: 50, baseline: 100)).words.map(\.text),
                       ["file", "office"])
    }

    func testUnknownGlyphsKeepTheirPlaceAndAreCounted() {
        let page = page(glyphs("a\u{FFFD}c", x: 50, baseline: 100))
        XCTAssertEqual(page.words.map(\.text), ["a\u{FFFD}c"])
        XCTAssertEqual(page.unknownCharacterCount, 1)
    }

    func testRotatedTextIsGroupedAlongItsDirection() {
        // Text running bottom to top, as on a page's margin: each glyph is 6 pt tall along y.
        let vertical = "SIDE".enumerated().map { index, character -> PositionedGlyph in
            let y = 500 - Double(index) * 6
            return PositionedGlyph(text: String(character), isUnknown: false,
                                   box: PDFRect(x0: 22, y0: y - 6, x1: 32, y1: y),
                                   originX: 30, originY: y, fontSize: 10, direction: .bottomToTop)
        }
        let page = page(glyphs("body", x: 50, baseline: 100) + vertical)
        XCTAssertEqual(page.lines.map(\.text), ["body", "SIDE"])
        XCTAssertEqual(page.words[1].box, PDFRect(x0: 22, y0: 476, x1: 32, y1: 500))
    }

    /// Thousands of scattered fragments (no real page) take the simple top-to-bottom order.
    func testManyScatteredFragmentsAreOrderedTopToBottom() {
        var all: [PositionedGlyph] = []
        for row in 0..<60 {
            for column in 0..<50 {
                all += glyphs("w", x: Double(column) * 20, baseline: Double(row) * 40 + 20)
            }
        }
        let page = page(all)
        XCTAssertEqual(page.words.count, 3000)
        XCTAssertEqual(page.lines.count, 3000, "gaps of 14 pt at 10 pt split every word into its own line")
        let tops = page.lines.map(\.box.y0)
        XCTAssertEqual(tops, tops.sorted(), "read top to bottom")
    }

    func testTextDirectionFromAdvance() {
        XCTAssertEqual(TextDirection(dx: 5, dy: 0.1), .leftToRight)
        XCTAssertEqual(TextDirection(dx: 0, dy: 5), .topToBottom)
        XCTAssertEqual(TextDirection(dx: -5, dy: 0), .rightToLeft)
        XCTAssertEqual(TextDirection(dx: 0, dy: -5), .bottomToTop)
    }
}
