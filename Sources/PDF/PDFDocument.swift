/// A PDF opened for reading its text: the entry point of the module.
///
///     let document = try PDFDocument(bytes: bytes)
///     for page in try document.textPages() { print(page.text) }
///
/// Fonts are loaded once per document and shared by its pages; the operator limit and time
/// budget of `PDFLimits` cover the whole document. Not thread-safe: one instance per thread.
public final class PDFDocument {
    public let file: PDFFile
    private let pages: [PDFPage]
    private let fonts: FontCache
    /// Glyph bytes the document may still show; shown text counts against
    /// `maxContentOperators` on its own, each glyph being a drawing operation.
    private var glyphBudget: Int

    /// Opens `bytes`; throws a `PDFError` when they are not a readable PDF.
    public init(bytes: [UInt8], limits: PDFLimits = PDFLimits()) throws {
        let file = try PDFFile(bytes: bytes, limits: limits)
        self.file = file
        self.pages = try file.pages()
        self.fonts = FontCache(source: file)
        self.glyphBudget = limits.maxContentOperators
    }

    public var pageCount: Int { pages.count }

    /// The text layer of page `number` (1-based).
    public func textPage(_ number: Int) throws -> TextPage {
        guard pages.indices.contains(number - 1) else {
            throw PDFDocumentError.pageOutOfRange(number, pageCount: pages.count)
        }
        let page = pages[number - 1]
        let space = PageSpace(cropBox: page.cropBox, rotate: page.rotate)
        let interpreter = ContentInterpreter(source: file, fonts: fonts, countOperator: file.countContentOperator,
                                             glyphBudget: glyphBudget, glyphLimit: file.limits.maxContentOperators,
                                             maxFormDepth: file.limits.maxNestingDepth, pageSpace: space.matrix)
        defer { glyphBudget = interpreter.glyphBudget }
        try interpreter.run(try page.contentData(in: file), resources: page.resources)
        for appearance in try AnnotationAppearances.of(page, in: file) {
            let before = interpreter.glyphs.count
            if let stream = appearance.stream {
                try interpreter.drawAppearance(stream, id: appearance.id, rect: appearance.rect)
            }
            if interpreter.glyphs.count == before, let value = appearance.fieldValue, !value.isEmpty {
                try interpreter.drawFieldValue(value, rect: appearance.rect, fontSize: appearance.fieldFontSize)
            }
        }
        try file.checkTimeBudget()
        return PageLayout.textPage(number: number, width: space.width, height: space.height, glyphs: interpreter.glyphs)
    }

    /// Every page's text layer, in page order.
    public func textPages() throws -> [TextPage] {
        try (0..<pages.count).map { try textPage($0 + 1) }
    }
}

/// A caller's mistake rather than a bad file.
public enum PDFDocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    case pageOutOfRange(Int, pageCount: Int)

    public var description: String {
        switch self {
        case .pageOutOfRange(let number, let count): return "page \(number) does not exist (the document has \(count))"
        }
    }
}

extension PDFFile: PDFObjectSource {}
