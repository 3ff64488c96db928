import Foundation
import XCTest
@testable import Extraction

/// The byte-level fast paths must answer exactly as the Unicode-aware code they shortcut.
final class TextFastPathTests: XCTestCase {
    private let samples = [
        "", " ", "\t", "\u{00A0}\u{202F}\u{2009}", "  Invoice No.: 2024-118\t", "\u{00A0}1 234,56 €\u{202F}",
        "e\u{0301} ", " \u{0301}x", "Fällig am", "Straße 5\u{2003}", "\n a \n", "ＡＢ１２", "Nº 12", "№ 7",
        "\r\n12.50\r\n", "N° de facture:", "Btw-nr.", "Invoice #12", "ﬁnal", "Total\u{00A0}TTC",
    ]

    func testWhitespaceTrimMatchesFoundation() {
        for text in samples {
            XCTAssertEqual(text.trimmingWhitespace(), text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            XCTAssertEqual(text[...].trimmingWhitespace(), text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            XCTAssertEqual(text.hasNonWhitespace, !text.trimmingCharacters(in: .whitespaces).isEmpty, "\(text.debugDescription)")
        }
    }

    func testFoldedWordsOfASCIIAndAccentedText() {
        XCTAssertEqual(TextFolding.words("N° de facture:"), ["no", "de", "facture"])
        XCTAssertEqual(TextFolding.words("Btw-nr."), ["btw", "nr"])
        XCTAssertEqual(TextFolding.words("Invoice #12"), ["invoice", "#", "12"])
        XCTAssertEqual(TextFolding.words("INVOICE#"), ["invoice", "#"])
        XCTAssertEqual(TextFolding.words("  --  "), [])
        XCTAssertEqual(TextFolding.words("Fällig am 5.3."), ["fallig", "am", "5", "3"])
        XCTAssertEqual(TextFolding.words("Straße"), ["strasse"])
    }

    func testByteSearch() {
        XCTAssertTrue("Total USD 12".containsBytes("USD"))
        XCTAssertTrue("USD".containsBytes("USD"))
        XCTAssertFalse("US".containsBytes("USD"))
        XCTAssertFalse("Total usd".containsBytes("USD"))
        XCTAssertTrue("Fällig +++123/4567/89012+++".containsBytes("+++"))
        XCTAssertTrue("anything".containsBytes(""))
        XCTAssertTrue(String("xx, NY 10001".dropFirst()).containsBytes(", "))
    }

    func testCharacterClassesMatchUnicodeProperties() {
        let characters: [Character] = ["0", "9", "a", "Z", "#", " ", "\r\n", "é", "e\u{0301}", "٣", "½", "Ⅻ", "ß", "€", "-"]
        for c in characters {
            XCTAssertEqual(c.isASCIIDigit, c.isASCII && c.isNumber, "\(c.debugDescription)")
            XCTAssertEqual(c.isLetterOrDigit, c.isLetter || c.isNumber, "\(c.debugDescription)")
        }
    }

    func testCurrencyCodesAndSymbols() {
        XCTAssertEqual(CurrencyResolver.codes(in: "Amount (EUR)"), ["EUR"])
        XCTAssertEqual(CurrencyResolver.codes(in: "€ 12,00 / $5 / £3 / ¥9"), ["EUR", "USD", "GBP", "JPY"])
        XCTAssertEqual(CurrencyResolver.codes(in: "12,00 kr"), ["SEK"])
        XCTAssertEqual(CurrencyResolver.codes(in: "146 260,46 zł"), ["PLN"])
        XCTAssertEqual(CurrencyResolver.codes(in: "Eur 12 euros"), ["EUR"])
        XCTAssertEqual(CurrencyResolver.codes(in: "Prix unitaire HT"), [])
    }

    func testCellsThatDoNotStartWithALabelWordAreRejected() {
        let matcher = LabelMatcher.shared
        XCTAssertNil(matcher.match("Kühlhaus Nord GmbH"))
        XCTAssertNil(matcher.match("1.234,56 EUR"))
        XCTAssertNil(matcher.match("A.B.C. Trading"))
        // The first word is known only once the run of single letters ends (`N.I.F.` → `nif`).
        XCTAssertEqual(matcher.match("N.I.F. B12345678")?.kinds.contains(.vendorTaxId), true)
        XCTAssertEqual(matcher.match("N.I.F. B12345678")?.remainder, "B12345678")
        XCTAssertEqual(matcher.match("P.O. # 4411")?.remainder, "4411")
    }
}

extension TextFastPathTests {
    func testJoiningCharactersKeepsEveryByte() {
        for text in samples {
            XCTAssertEqual(String(joining: Array(text)), text)
            XCTAssertEqual(String(joining: Array(text).dropFirst()), String(Array(text).dropFirst()))
        }
    }

    func testEINIsTrimmedOfSpacesOnly() {
        XCTAssertEqual(TaxIdParser.ein("  12-3456789 "), "12-3456789")
        XCTAssertEqual(TaxIdParser.ein("12-3456789"), "12-3456789")
        XCTAssertNil(TaxIdParser.ein("\t12-3456789"))
        XCTAssertNil(TaxIdParser.ein("12-345678"))
        XCTAssertNil(TaxIdParser.ein("123-456789"))
    }
}
