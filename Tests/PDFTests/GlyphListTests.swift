import XCTest
@testable import PDF

final class GlyphListTests: XCTestCase {
    func testAdobeGlyphListNames() {
        XCTAssertEqual(GlyphList.unicode(forGlyphName: "A"), "A")
        XCTAssertEqual(GlyphList.unicode(forGlyphName: "eacute"), "é")
        XCTAssertEqual(GlyphList.unicode(forGlyphName: "Euro"), "€")
        XCTAssertEqual(GlyphList.unicode(forGlyphName: "quoteright"), "\u{2019}")
        XCTAssertEqual(GlyphList.unicode(forGlyphName: "fi"), "\u{FB01}")
        XCTAssertEqual(GlyphList.unicode(forGlyphName: "space"), " ")
    }

    func testUniAndUNames() {
        XCTAssertEqual(GlyphList.unicode(forGlyphName: "uni20AC"), "€")
        XCTAssertEqual(GlyphList.unicode(forGlyphName: "uni00410042"), "AB")
        XCTAssertEqual(GlyphList.unicode(forGlyphName: "u1F600"), "\u{1F600}")
        XCTAssertEqual(GlyphList.unicode(forGlyphName: "u00E9"), "é")
        XCTAssertNil(GlyphList.unicode(forGlyphName: "uniD800"), "surrogates name no character")
        XCTAssertNil(GlyphList.unicode(forGlyphName: "uni12"), "uni needs groups of four digits")
    }

    func testLigatureAndVariantNames() {
        XCTAssertEqual(GlyphList.unicode(forGlyphName: "f_f_i"), "ffi")
        XCTAssertEqual(GlyphList.unicode(forGlyphName: "a.sc"), "a")
        XCTAssertEqual(GlyphList.unicode(forGlyphName: "one.oldstyle"), "1")
        XCTAssertNil(GlyphList.unicode(forGlyphName: "g123"))
        XCTAssertNil(GlyphList.unicode(forGlyphName: ".notdef"))
    }
}
