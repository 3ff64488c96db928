/// Fonts loaded once per document and shared by its pages, keyed by the font dictionary's
/// object. A font that is missing or fails to load is replaced by a stand-in whose glyphs keep
/// their positions but are all unknown (U+FFFD): without the font, any text would be invented.
final class FontCache {
    private var byObject: [PDFObjectID: PDFFont] = [:]
    private let source: PDFObjectSource

    init(source: PDFObjectSource) { self.source = source }

    func font(_ object: PDFObject) throws -> PDFFont {
        if case .reference(let id) = object, let font = byObject[id] { return font }
        let font: PDFFont
        do {
            guard let dictionary = try source.resolve(object).dictionaryValue else { return Self.unknown }
            font = try FontLoader(source: source).load(dictionary)
        } catch PDFError.malformed {
            font = Self.unknown
        }
        if case .reference(let id) = object { byObject[id] = font }
        return font
    }

    /// One-byte codes, half an em wide, none with Unicode.
    static let unknown: PDFFont = {
        let codes = SimpleFontCodes(toUnicode: nil, encoding: SimpleEncoding(names: Array(repeating: nil, count: 256), baseTexts: nil),
                                    codesAreLatin1: false, widths: nil, firstChar: 0, missingWidth: 500,
                                    metrics: StandardFontMetrics.named("Helvetica")!, widthScale: 0.001)
        return PDFFont(baseFont: "", codes: .singleByte(codes), ascent: 0.718, descent: -0.207)
    }()

    /// Helvetica with StandardEncoding, for text we place ourselves (form field values).
    static let helvetica: PDFFont = {
        // A Type1 Helvetica without references cannot fail to load.
        try! FontLoader(source: EmptyObjectSource()).load(
            PDFDictionary(["Subtype": .name("Type1"), "BaseFont": .name("Helvetica")]))
    }()
}

/// A source with no objects, for fonts built from direct dictionaries only.
private final class EmptyObjectSource: PDFObjectSource {
    func resolve(_ object: PDFObject) throws -> PDFObject {
        if case .reference = object { return .null }
        return object
    }
    func decodedData(of stream: PDFStream) throws -> [UInt8] { Array(stream.rawData) }
}
