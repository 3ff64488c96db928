/// A run of words on one baseline with no column-sized gap inside: one `TextLine`.
struct LayoutLine {
    /// The line's words, left to right, as indices into the page's word list (words are large;
    /// lines are sorted and regrouped several times).
    var wordIndices: [Int]
    /// Union of the words' reading-frame boxes.
    var readingBox: PDFRect
    var baseline: Double
    var fontSize: Double

    func textLine(_ words: [LayoutWord]) -> TextLine {
        var box = words[wordIndices[0]].word.box
        for index in wordIndices.dropFirst() { box = box.union(words[index].word.box) }
        return TextLine(words: wordIndices.map { words[$0].word }, box: box)
    }
}

/// Groups words of one direction into lines: rows by baseline, then each row split where the
/// horizontal gap is wide enough to be a column gutter or a table cell boundary.
enum LineBuilder {
    /// Baselines closer than this fraction of the font size form one row.
    static let rowTolerance = 0.3
    /// A gap wider than this many font sizes separates columns (justified word spaces stay below it, gutters are ~1 em and wider).
    static let columnGap = 0.8

    static func lines(of words: [LayoutWord]) -> [LayoutLine] {
        // Sort indices, not the (large) words themselves.
        let sorted = words.indices.sorted {
            let a = words[$0], b = words[$1]
            return a.baseline != b.baseline ? a.baseline < b.baseline : a.readingBox.x0 < b.readingBox.x0
        }
        var lines: [LayoutLine] = []
        var row: [Int] = []
        var rowBaseline = 0.0
        var rowFontSize = 0.0
        for index in sorted {
            let word = words[index]
            if !row.isEmpty, abs(word.baseline - rowBaseline) > rowTolerance * max(rowFontSize, word.word.fontSize) {
                split(row, of: words, into: &lines)
                row.removeAll(keepingCapacity: true)
            }
            if row.isEmpty { rowBaseline = word.baseline; rowFontSize = word.word.fontSize }
            row.append(index)
        }
        split(row, of: words, into: &lines)
        return lines
    }

    /// Splits one row (indices into `words`) at column-sized gaps.
    private static func split(_ row: [Int], of words: [LayoutWord], into lines: inout [LayoutLine]) {
        guard let firstIndex = row.first else { return }
        // Rows come sorted by baseline then x; words on a slightly different baseline may be out of x order.
        let ordered = row.count == 1 ? row : row.sorted { words[$0].readingBox.x0 < words[$1].readingBox.x0 }
        let start = ordered.first ?? firstIndex
        let first = words[start]
        var current = LayoutLine(wordIndices: [start], readingBox: first.readingBox,
                                 baseline: first.baseline, fontSize: first.word.fontSize)
        for index in ordered.dropFirst() {
            let word = words[index]
            let gap = word.readingBox.x0 - current.readingBox.x1
            if gap > columnGap * max(current.fontSize, word.word.fontSize) {
                lines.append(current)
                current = LayoutLine(wordIndices: [index], readingBox: word.readingBox,
                                     baseline: word.baseline, fontSize: word.word.fontSize)
            } else {
                current.wordIndices.append(index)
                current.readingBox = current.readingBox.union(word.readingBox)
                current.fontSize = max(current.fontSize, word.word.fontSize)
            }
        }
        lines.append(current)
    }
}
