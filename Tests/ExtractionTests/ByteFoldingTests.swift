import Foundation
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
        for word in samples + ["a", "Z", "1", "é", "e\u{0301}", "ß", "\r\n", "Σ", "٣", "ab", "a\u{0301}", "\u{0D4E}a", "a\u{200D}"] {
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

    /// `fold` as it was written on Strings: the whole text lower-cased, then each scalar
    /// replaced or stripped to its base letter.
    private func referenceFold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "ß": out += "ss"
            case "æ": out += "ae"
            case "ø": out += "o"
            case "ł": out += "l"
            case "œ": out += "oe"
            case "ﬁ": out += "fi"
            case "ﬂ": out += "fl"
            case "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}": out += " "
            case "º", "°": out += "o"
            case "№": out += "no"
            case "ª": out += "a"
            default:
                if scalar.value < 0x80 {
                    out.unicodeScalars.append(scalar)
                } else if let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                    .first(where: { !(0x0300...0x036F).contains($0.value) }) {
                    out.unicodeScalars.append(base)
                }
            }
        }
        return out
    }

    func testFoldMatchesStringFolding() {
        var texts = samples
        let ranges: [ClosedRange<UInt32>] = [0x80...0x2FF, 0x300...0x36F, 0x370...0x52F, 0x1E00...0x1FFF, 0x2000...0x2190, 0xFB00...0xFB06,
                                             0xFF01...0xFF5E, 0x1F9FE...0x1F9FF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                texts.append("X\(scalar)y")
                texts.append(String(scalar))
            }
        }
        for text in texts {
            XCTAssertEqual(TextFolding.fold(text), referenceFold(text), text.debugDescription)
        }
    }

    func testFirstCanonicalWordMatchesCanonicalize() {
        let lists: [[String]] = [[], ["n"], ["n", "i", "f"], ["n", "i", "f", "b12"], ["rechnungsnummer", "x"], ["n", "é"], ["é", "x"],
                                 ["nummer"], ["#"], ["v", "nr"], ["ab\u{0301}nr"]] + samples.map(TextFolding.words)
        for words in lists {
            XCTAssertEqual(LabelSynonyms.firstCanonical(of: words), LabelSynonyms.canonicalize(words).first, "\(words)")
        }
    }

    /// `canonicalize` as it was written with intermediate lists, tracking source positions.
    private func referenceCanonicalize(_ words: [String]) -> [(String, Range<Int>)] {
        var joined: [(String, Range<Int>)] = []
        var letters: (String, Range<Int>)?
        for (index, word) in words.enumerated() {
            if word.count == 1, word.first?.isLetter == true {
                letters = letters.map { ($0.0 + word, $0.1.lowerBound..<index + 1) } ?? (word, index..<index + 1)
                continue
            }
            if let pending = letters { joined.append(pending); letters = nil }
            joined.append((word, index..<index + 1))
        }
        if let pending = letters { joined.append(pending) }
        var out: [(String, Range<Int>)] = []
        for (word, range) in joined {
            var stem = word
            var suffix: String?
            for candidate in LabelSynonyms.compoundSuffixes where word.hasSuffix(candidate) && word.count >= candidate.count + 3 {
                stem = String(word.dropLast(candidate.count))
                suffix = candidate
                break
            }
            out.append((LabelSynonyms.canonical[stem] ?? stem, range))
            if let suffix { out.append((LabelSynonyms.canonical[suffix] ?? suffix, range)) }
        }
        return out
    }

    func testCanonicalizeMatchesListBuildingVersion() {
        let lists: [[String]] = [[], ["n"], ["n", "i", "f"], ["x", "n", "i", "f", "b12", "t", "t", "c"], ["rechnungsnummer", "x"], ["n", "é"],
                                 ["é", "x"], ["nummer"], ["#"], ["v", "nr"], ["ab\u{0301}nr"], ["gesamtbetrag", "inkl", "mwst"]]
            + samples.map(TextFolding.words)
        for words in lists {
            let expected = referenceCanonicalize(words)
            XCTAssertEqual(LabelSynonyms.canonicalize(words), expected.map(\.0), "\(words)")
            let withRanges = LabelSynonyms.canonicalize(words.indices.map { (words[$0], $0..<$0 + 1) }, merge: { $0.lowerBound..<$1.upperBound })
            XCTAssertEqual(withRanges.map(\.0), expected.map(\.0), "\(words)")
            XCTAssertEqual(withRanges.map(\.1), expected.map(\.1), "\(words)")
        }
    }

    func testASCIIWordsMatchSplittingTheFoldedText() {
        for text in samples + ["Invoice-No.:2024/11 #A", "  ABC  def#GHI## x", "Rechnungs-Nr. 12", "a1B2 C3d4"] where text.utf8.allSatisfy({ $0 < 0x80 }) {
            var expected: [String] = []
            var current = ""
            for scalar in text.lowercased().unicodeScalars {
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    current.unicodeScalars.append(scalar)
                    continue
                }
                if !current.isEmpty { expected.append(current); current = "" }
                if scalar == "#" { expected.append("#") }
            }
            if !current.isEmpty { expected.append(current) }
            XCTAssertEqual(TextFolding.words(text), expected, text.debugDescription)
        }
    }
}
