/// Maps the glyphs of one shown string from text space to page space.
struct GlyphPlacer {
    let toPage: Matrix
    /// The font size as drawn on the page.
    let drawnSize: Double
    let direction: TextDirection
    private let isSkewed: Bool

    init(toPage: Matrix, drawnSize: Double, direction: TextDirection) {
        self.toPage = toPage
        self.drawnSize = drawnSize
        self.direction = direction
        isSkewed = toPage.b != 0 || toPage.c != 0
    }

    /// Places a glyph whose box spans x0…x1, y0…y1 in text space, origin at (originX, originY).
    @inline(__always)
    func place(_ glyph: FontGlyph, x0: Double, x1: Double, y0: Double, y1: Double,
               originX: Double, originY: Double, into placed: inout [PositionedGlyph]) {
        let p1 = toPage.apply(x0, y0), p2 = toPage.apply(x1, y1)
        var box = PDFRect(x0: min(p1.x, p2.x), y0: min(p1.y, p2.y), x1: max(p1.x, p2.x), y1: max(p1.y, p2.y))
        if isSkewed {
            // Rotated or skewed text: the other two corners matter too.
            let p3 = toPage.apply(x0, y1), p4 = toPage.apply(x1, y0)
            box = box.union(PDFRect(x0: min(p3.x, p4.x), y0: min(p3.y, p4.y), x1: max(p3.x, p4.x), y1: max(p3.y, p4.y)))
        }
        let origin = toPage.apply(originX, originY)
        guard box.x0.isFinite, box.y0.isFinite, box.x1.isFinite, box.y1.isFinite, origin.x.isFinite, origin.y.isFinite,
              drawnSize.isFinite else { return }
        placed.append(PositionedGlyph(text: glyph.text, isUnknown: glyph.isUnknown, box: box,
                                      originX: origin.x, originY: origin.y, fontSize: drawnSize, direction: direction))
    }
}
