/// A run of words on one baseline with no column-sized gap inside: one `TextLine`.
struct LayoutLine {
    var words: [LayoutWord]
    /// Union of the words' reading-frame boxes.
    var readingBox: PDFRect
    var baseline: Double
    var fontSize: Double

    var textLine: TextLine {
        var box = words[0].word.box
        for word in words.dropFirst() { box = box.union(word.word.box) }
        return TextLine(words: words.map(\.word), box: box)
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
        let sorted = words.sorted {
            $0.baseline != $1.baseline ? $0.baseline < $1.baseline : $0.readingBox.x0 < $1.readingBox.x0
        }
        var lines: [LayoutLine] = []
        var row: [LayoutWord] = []
        var rowBaseline = 0.0
        for word in sorted {
            if let first = row.first,
               abs(word.baseline - rowBaseline) > rowTolerance * max(first.word.fontSize, word.word.fontSize) {
                split(row, into: &lines)
                row.removeAll(keepingCapacity: true)
            }
            if row.isEmpty { rowBaseline = word.baseline }
            row.append(word)
        }
        split(row, into: &lines)
        return lines
    }

    private static func split(_ row: [LayoutWord], into lines: inout [LayoutLine]) {
        guard !row.isEmpty else { return }
        let ordered = row.sorted { $0.readingBox.x0 < $1.readingBox.x0 }
        var current = LayoutLine(words: [ordered[0]], readingBox: ordered[0].readingBox,
                                 baseline: ordered[0].baseline, fontSize: ordered[0].word.fontSize)
        for word in ordered.dropFirst() {
            let gap = word.readingBox.x0 - current.readingBox.x1
            if gap > columnGap * max(current.fontSize, word.word.fontSize) {
                lines.append(current)
                current = LayoutLine(words: [word], readingBox: word.readingBox,
                                     baseline: word.baseline, fontSize: word.word.fontSize)
            } else {
                current.words.append(word)
                current.readingBox = current.readingBox.union(word.readingBox)
                current.fontSize = max(current.fontSize, word.word.fontSize)
            }
        }
        lines.append(current)
    }
}
