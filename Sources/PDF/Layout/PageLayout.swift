/// Turns a page's glyphs into its `TextPage`: words, lines, reading order.
enum PageLayout {
    static func textPage(number: Int, width: Double, height: Double, glyphs: [PositionedGlyph]) -> TextPage {
        var builder = WordBuilder()
        for glyph in glyphs { builder.add(glyph) }
        builder.finishWord()

        // Upright text first, then each turned direction on its own.
        var lines: [TextLine] = []
        let words = builder.words
        if words.allSatisfy({ $0.direction == .leftToRight }) {
            lines = ReadingOrder.order(LineBuilder.lines(of: words)).map { $0.textLine(words) }
        } else {
            for direction in TextDirection.allCases {
                let turned = words.filter { $0.direction == direction }
                guard !turned.isEmpty else { continue }
                lines += ReadingOrder.order(LineBuilder.lines(of: turned)).map { $0.textLine(turned) }
            }
        }
        return TextPage(number: number, width: width, height: height, lines: lines,
                        unknownCharacterCount: builder.unknownCharacterCount)
    }
}
