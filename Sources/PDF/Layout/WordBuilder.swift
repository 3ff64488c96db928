/// A word under construction, with what line grouping needs beyond `TextWord`.
struct LayoutWord {
    var word: TextWord
    var direction: TextDirection
    /// The box in the direction's reading frame (text runs left to right, y down).
    var readingBox: PDFRect
    /// The baseline in the reading frame.
    var baseline: Double
}

/// Groups glyphs, in drawing order, into words: a word ends at a drawn space, at a gap wider
/// than a fraction of the font size, at a jump back or off the baseline, or at a turn.
struct WordBuilder {
    /// Gap, as a fraction of the font size, beyond which two glyphs belong to different words
    /// (poppler's `minWordBreakSpace`).
    static let wordBreakGap = 0.1
    /// Overlap, as a fraction of the font size, beyond which the next glyph starts a new word.
    static let wordBreakOverlap = 0.5
    /// Baseline shift, as a fraction of the font size, that still keeps glyphs in one word
    /// (subscripts and superscripts move less than this).
    static let baselineTolerance = 0.5

    private(set) var words: [LayoutWord] = []
    private(set) var unknownCharacterCount = 0
    private var text = ""
    private var box = PDFRect(x0: 0, y0: 0, x1: 0, y1: 0)
    private var readingBox = PDFRect(x0: 0, y0: 0, x1: 0, y1: 0)
    private var baseline = 0.0
    private var fontSize = 0.0
    private var direction = TextDirection.leftToRight
    private var isOpen = false

    mutating func add(_ glyph: PositionedGlyph) {
        // A glyph mapped to no text on purpose (the tail of a ligature) adds nothing.
        if glyph.text.isEmpty { return }
        if glyph.isWhitespace { finishWord(); return }
        if glyph.isUnknown { unknownCharacterCount += 1 }
        let glyphBox = glyph.direction.readingBox(glyph.box)
        let glyphBaseline = glyph.direction.readingBaseline(x: glyph.originX, y: glyph.originY)
        if isOpen {
            let size = max(fontSize, glyph.fontSize)
            let gap = glyphBox.x0 - readingBox.x1
            if glyph.direction != direction
                || abs(glyphBaseline - baseline) > Self.baselineTolerance * size
                || gap > Self.wordBreakGap * size
                || gap < -Self.wordBreakOverlap * size {
                finishWord()
            }
        }
        if isOpen {
            text += glyph.text
            box = box.union(glyph.box)
            readingBox = readingBox.union(glyphBox)
        } else {
            text = glyph.text
            box = glyph.box
            readingBox = glyphBox
            baseline = glyphBaseline
            fontSize = glyph.fontSize
            direction = glyph.direction
            isOpen = true
        }
    }

    mutating func finishWord() {
        guard isOpen else { return }
        isOpen = false
        let word = TextWord(text: Ligatures.expand(text), box: box, fontSize: fontSize)
        words.append(LayoutWord(word: word, direction: direction, readingBox: readingBox, baseline: baseline))
    }
}
