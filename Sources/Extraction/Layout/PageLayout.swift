import PDF

/// A page regrouped into rows of cells. The reader's lines are not trusted to keep columns
/// apart or together the same way every producer does, so words are regrouped here: words
/// whose vertical extents overlap form a row, and a gap wider than `cellGapFactor` × the
/// line height splits a row into cells.
struct PageLayout: Sendable {
    var number: Int
    var width: Double
    var height: Double
    /// Cells grouped by row, top to bottom; cells in a row left to right.
    var rows: [[LayoutCell]]

    /// A gap this many line heights wide separates cells; a word space is ~0.25–0.35.
    static let cellGapFactor = 0.8

    init(page: TextPage) {
        number = page.number
        width = page.width
        height = page.height
        let words = page.words.filter { $0.text.hasNonWhitespace }
            .sorted { ($0.box.y0 + $0.box.y1) < ($1.box.y0 + $1.box.y1) }
        var rowWords: [[TextWord]] = []
        // The band of the row's first word: a fixed reference, so that a tall word cannot
        // chain two stacked lines into one row.
        var rowBand: PDFRect?
        for word in words {
            if let band = rowBand, Self.sameRow(band, word.box) {
                rowWords[rowWords.count - 1].append(word)
            } else {
                rowWords.append([word])
                rowBand = word.box
            }
        }
        rows = rowWords.enumerated().map { index, words in
            Self.cells(of: words.sorted { $0.box.x0 < $1.box.x0 }, page: page.number, row: index)
        }
    }

    /// Vertical centre of the word inside the row's band, and the bands overlap by half the
    /// smaller height: tolerant of mixed font sizes on one baseline, strict enough to keep
    /// stacked lines apart.
    private static func sameRow(_ row: PDFRect, _ word: PDFRect) -> Bool {
        let overlap = min(row.y1, word.y1) - max(row.y0, word.y0)
        let centre = (word.y0 + word.y1) / 2
        return overlap >= 0.5 * min(row.height, word.height) && centre > row.y0 && centre < row.y1
    }

    private static func cells(of words: [TextWord], page: Int, row: Int) -> [LayoutCell] {
        var cells: [LayoutCell] = []
        var current: [TextWord] = []
        for word in words {
            if let last = current.last {
                let gap = word.box.x0 - last.box.x1
                let height = max(min(last.box.height, word.box.height), 1)
                if gap > cellGapFactor * height {
                    cells.append(LayoutCell(page: page, row: row, words: current))
                    current = []
                }
            }
            current.append(word)
        }
        if !current.isEmpty { cells.append(LayoutCell(page: page, row: row, words: current)) }
        return cells
    }
}

import Foundation
