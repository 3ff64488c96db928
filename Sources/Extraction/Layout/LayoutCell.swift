import PDF

/// A run of words on one row with no wide gap between them: a label, a value, a table cell,
/// or a `Label: value` phrase. Cells are the unit the extractor reasons about.
struct LayoutCell: Sendable {
    /// 1-based page number.
    var page: Int
    /// Index of the cell's row within its page (rows are top to bottom).
    var row: Int
    var words: [TextWord]
    var box: PDFRect
    var text: String
    /// Median word height: a stand-in for the font size, robust to readers that report
    /// font size differently.
    var lineHeight: Double

    init(page: Int, row: Int, words: [TextWord]) {
        self.page = page
        self.row = row
        self.words = words
        self.box = words.dropFirst().reduce(words[0].box) { $0.union($1.box) }
        self.text = words.map(\.text).joined(separator: " ")
        let heights = words.map { $0.box.height }.sorted()
        self.lineHeight = max(heights[heights.count / 2], 1)
    }

    /// The box of the words holding `suffix`, the tail of the cell's text (a value printed
    /// after its label in the same cell). A word the suffix starts inside is included.
    func box(ofSuffix suffix: String) -> PDFRect {
        var length = 0
        var first = words.count
        for index in words.indices.reversed() {
            guard length < suffix.count else { break }
            length += words[index].text.count + (length > 0 ? 1 : 0)
            first = index
        }
        guard first < words.count else { return box }
        return words[(first + 1)...].reduce(words[first].box) { $0.union($1.box) }
    }

    /// Horizontal overlap with another box, in points (negative when apart).
    func horizontalOverlap(with other: PDFRect) -> Double {
        min(box.x1, other.x1) - max(box.x0, other.x0)
    }
}
