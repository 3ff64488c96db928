import XCTest
import PDF
@testable import Extraction

/// The extractor takes whatever a reader produces: garbage text, odd boxes, huge numbers must
/// give a (possibly empty) answer, never a crash, and confidences stay in [0, 1].
final class RobustnessTests: XCTestCase {
    /// A small deterministic generator (SplitMix64) so failures reproduce.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let vocabulary = [
        "Invoice", "No.", "Total", "VAT", "21%", "1.234,56", "€", "$", "1,000.00", "99999999999999999999", "-0,00",
        "Datum:", "31.02.2024", "2024-13-45", "IBAN", "DE89", "3704", "0044", "0532", "0130", "00", "RF18", "5390",
        "Bill", "to", "GmbH", "Fällig", "am", "Rechnung", "Nr.", ":", "·", "+++090/9337/55493+++", "BIC", "COBADEFFXXX",
        "Bankgiro", "5050-1055", "", " ", "%", "(", ")", "—", "ß", "Ω", "日本", "🙂", "\u{00A0}", "1'234.56", "12/12/12",
        "Summe", "netto", "Moms", "25", "kr", "Org.nr", "556677-8899", "Subtotal", "Tax", "Due", "PO", "#", "N°",
    ]

    func testRandomPagesNeverCrash() {
        var rng = SplitMix(state: 0x5EED)
        let extractor = InvoiceExtractor()
        for _ in 0..<150 {
            var lines: [TextLine] = []
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                let y = Double.random(in: -50...900, using: &rng)
                var x = Double.random(in: -20...500, using: &rng)
                var words: [TextWord] = []
                for _ in 0..<Int.random(in: 1...8, using: &rng) {
                    let text = Self.vocabulary.randomElement(using: &rng)!
                    let size = [0.0, 1, 8, 10, 40].randomElement(using: &rng)!
                    let width = Double(text.count) * size * 0.5
                    words.append(TextWord(text: text, box: PDFRect(x0: x, y0: y, x1: x + width, y1: y + size), fontSize: size))
                    x += width + Double.random(in: 0...30, using: &rng)
                }
                lines.append(TextLine(words: words, box: words.dropFirst().reduce(words[0].box) { $0.union($1.box) }))
            }
            let pages = [TextPage(number: 1, width: [612, 595, 0].randomElement(using: &rng)!, height: 842, lines: lines)]
            for field in extractor.extract(pages: pages) {
                XCTAssert((0...1).contains(field.confidence), "\(field.name) \(field.confidence)")
                XCTAssertFalse(field.value.isEmpty, field.name)
                XCTAssertEqual(field.page, 1)
            }
        }
    }
}
