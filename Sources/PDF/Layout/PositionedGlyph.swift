/// A glyph placed on the page by the content interpreter: the input of layout.
struct PositionedGlyph: Sendable {
    var text: String
    /// True when the font gave no Unicode for the glyph and `text` is U+FFFD.
    var isUnknown: Bool
    /// The glyph's box in top-left page space (points, y down).
    var box: PDFRect
    /// The glyph's origin on its baseline, in top-left page space.
    var originX: Double
    var originY: Double
    /// The font size as drawn: font size scaled by the text and graphics matrices.
    var fontSize: Double
    var direction: TextDirection

    /// Spaces drawn as glyphs separate words; they never become part of one.
    var isWhitespace: Bool {
        var utf8 = text.utf8.makeIterator()
        // Fast path: nearly every glyph is one ASCII character.
        if let first = utf8.next(), first < 0x80, utf8.next() == nil {
            return first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D
        }
        return text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\u{A0}" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }
}

/// Which way text runs on the page, in quarter turns clockwise from left-to-right.
enum TextDirection: Int, Sendable, CaseIterable {
    case leftToRight = 0, topToBottom = 1, rightToLeft = 2, bottomToTop = 3

    /// The direction of an advance vector (dx, dy) in top-left page space.
    init(dx: Double, dy: Double) {
        if abs(dx) >= abs(dy) { self = dx >= 0 ? .leftToRight : .rightToLeft }
        else { self = dy >= 0 ? .topToBottom : .bottomToTop }
    }

    /// A page-space rectangle turned so this direction's text runs left to right, y down.
    func readingBox(_ r: PDFRect) -> PDFRect {
        switch self {
        case .leftToRight: return r
        case .topToBottom: return PDFRect(x0: r.y0, y0: -r.x1, x1: r.y1, y1: -r.x0)
        case .rightToLeft: return PDFRect(x0: -r.x1, y0: -r.y1, x1: -r.x0, y1: -r.y0)
        case .bottomToTop: return PDFRect(x0: -r.y1, y0: r.x0, x1: -r.y0, y1: r.x1)
        }
    }

    /// A page-space point's coordinate across the text flow (the baseline's "y") in the reading frame.
    func readingBaseline(x: Double, y: Double) -> Double {
        switch self {
        case .leftToRight: return y
        case .topToBottom: return -x
        case .rightToLeft: return -y
        case .bottomToTop: return x
        }
    }
}
