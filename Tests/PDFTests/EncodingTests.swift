import XCTest
@testable import PDF

final class EncodingTests: XCTestCase {
    private func text(_ encoding: BaseEncoding, _ code: Int) -> String? {
        encoding.glyphNames[code].flatMap(GlyphList.unicode(forGlyphName:))
    }

    func testEveryTableHas256Codes() {
        for encoding in BaseEncoding.allCases { XCTAssertEqual(encoding.glyphNames.count, 256, "\(encoding)") }
    }

    func testStandardEncoding() {
        XCTAssertEqual(text(.standard, 0x41), "A")
        XCTAssertEqual(text(.standard, 0x27), "\u{2019}", "0x27 is quoteright in StandardEncoding")
        XCTAssertEqual(text(.standard, 0xAE), "\u{FB01}")
        XCTAssertNil(text(.standard, 0x80))
    }

    func testWinAnsiEncoding() {
        XCTAssertEqual(text(.winAnsi, 0x80), "€")
        XCTAssertEqual(text(.winAnsi, 0xE9), "é")
        XCTAssertEqual(text(.winAnsi, 0x27), "'")
        XCTAssertEqual(text(.winAnsi, 0x96), "\u{2013}")
        XCTAssertEqual(text(.winAnsi, 0xA0), " ", "no-break space code draws a space")
    }

    func testMacRomanEncoding() {
        XCTAssertEqual(text(.macRoman, 0x8E), "é")
        XCTAssertEqual(text(.macRoman, 0xDB), "¤", "PDF's MacRoman keeps currency, not Euro")
        XCTAssertEqual(text(.macRoman, 0xA7), "ß")
    }

    func testPDFDocEncoding() {
        XCTAssertEqual(text(.pdfDoc, 0xA0), "€")
        XCTAssertEqual(text(.pdfDoc, 0x93), "\u{FB01}")
        XCTAssertEqual(text(.pdfDoc, 0xFC), "ü")
    }
}
