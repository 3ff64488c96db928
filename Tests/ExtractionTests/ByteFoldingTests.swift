import XCTest
@testable import Extraction

/// The byte-level folding and canonicalising paths must answer exactly as the String and
/// Character code they replace, on ASCII and on everything else.
final class ByteFoldingTests: XCTestCase {
    private let samples = [
        "", " ", "Invoice No.", "INVOICE#12", "Rechnungsnummer", "RECHNUNGSDATUM", "Gesamtbetrag", "N.I.F.",
        "Fällig am", "Straße", "Æble Øl", "Łódź", "Œuvre", "ﬁnal ﬂow", "Total\u{00A0}TTC", "12\u{202F}345", "Nº 12", "N° 7",
        "№ 7", "ªb", "ΣΟΦΙΑ ΟΔΟΣ", "Счёт-фактура №", "Ｒｅｃｈ", "e\u{0301}cheance", "\u{0301}x", "🧾 Invoice", "x\r\ny", "İstanbul",
        "a\u{0345}b", "ǅemal", "ß", "ẞ", "#", "a#b", "V/ Nr", "datum", "nr", "abcnr", "ab\u{0301}nr", "\u{0D4E}nr",
    ]

    func testFoldMatchesLowercasedForASCII() {
        for text in samples where text.utf8.allSatisfy({ $0 < 0x80 }) {
            XCTAssertEqual(TextFolding.fold(text), text.lowercased(), text.debugDescription)
        }
    }

    func testASCIILowercasingMatchesLowercased() {
        for text in samples where text.utf8.allSatisfy({ $0 < 0x80 }) {
            XCTAssertEqual(TextFolding.asciiLowercased(text.utf8), text.lowercased(), text.debugDescription)
        }
    }

    func testSingleLetterMatchesCharacterTest() {
        for word in samples + ["a", "Z", "1", "é", "e\u{0301}", "ß", "\r\n", "Σ", "٣"] {
            XCTAssertEqual(LabelSynonyms.isSingleLetter(word), word.count == 1 && word.first?.isLetter == true, word.debugDescription)
        }
    }

    func testCompoundSplitMatchesStringSuffixes() {
        for word in samples + TextFolding.words(samples.joined(separator: " ")) {
            var expected: (String, String?) = (word, nil)
            for candidate in LabelSynonyms.compoundSuffixes where word.hasSuffix(candidate) && word.count >= candidate.count + 3 {
                expected = (String(word.dropLast(candidate.count)), candidate)
                break
            }
            let split = LabelSynonyms.splitCompound(word)
            XCTAssertEqual(split.stem, expected.0, word.debugDescription)
            XCTAssertEqual(split.suffix, expected.1, word.debugDescription)
        }
    }
}
