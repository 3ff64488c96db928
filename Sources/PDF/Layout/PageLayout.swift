/// Turns a page's glyphs into its `TextPage`: words, lines, reading order.
enum PageLayout {
    static func textPage(number: Int, width: Double, height: Double, glyphs: [PositionedGlyph]) -> TextPage {
        var builder = WordBuilder()
        for glyph in glyphs { builder.add(glyph) }
        builder.finishWord()

        // Upright text first, then each turned direction on its own.
        var lines: [TextLine] = []
        if builder.words.allSatisfy({ $0.direction == .leftToRight }) {
            lines = ReadingOrder.order(LineBuilder.lines(of: builder.words)).map(\.textLine)
        } else {
            for direction in TextDirection.allCases {
                let words = builder.words.filter { $0.direction == direction }
                guard !words.isEmpty else { continue }
                lines += ReadingOrder.order(LineBuilder.lines(of: words)).map(\.textLine)
            }
        }
        return TextPage(number: number, width: width, height: height, lines: lines,
                        unknownCharacterCount: builder.unknownCharacterCount)
    }
}
