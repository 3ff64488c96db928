import PDF

/// Builds text pages for layout tests: each `text` call places a phrase at (x, y) as words
/// with plausible boxes (Helvetica-like advance of half the font size per character).
struct PageBuilder {
    var width = 595.0
    var height = 842.0
    private var lines: [TextLine] = []

    init(width: Double = 595, height: Double = 842) { self.width = width; self.height = height }

    mutating func text(_ phrase: String, x: Double, y: Double, size: Double = 10) {
        var words: [TextWord] = []
        var cursor = x
        for token in phrase.split(separator: " ") {
            let w = Double(token.count) * size * 0.5
            words.append(TextWord(text: String(token), box: PDFRect(x0: cursor, y0: y, x1: cursor + w, y1: y + size), fontSize: size))
            cursor += w + size * 0.25
        }
        guard let first = words.first, let last = words.last else { return }
        lines.append(TextLine(words: words, box: PDFRect(x0: first.box.x0, y0: y, x1: last.box.x1, y1: y + size)))
    }

    func page(_ number: Int = 1) -> TextPage {
        TextPage(number: number, width: width, height: height, lines: lines)
    }
}

extension Array where Element == ExtractedField {
    subscript(field: String) -> String? { first { $0.name == field }?.value }
    func confidence(_ field: String) -> Double? { first { $0.name == field }?.confidence }
}

@testable import Extraction
