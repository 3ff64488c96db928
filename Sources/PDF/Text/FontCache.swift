/// Fonts loaded once per document and shared by its pages, keyed by the font dictionary's
/// object; a font that fails to load is replaced by a Helvetica stand-in so its glyphs keep
/// positions rather than the page losing all its text.
final class FontCache {
    private var byObject: [PDFObjectID: PDFFont] = [:]
    private let source: PDFObjectSource

    init(source: PDFObjectSource) { self.source = source }

    func font(_ object: PDFObject) throws -> PDFFont {
        if case .reference(let id) = object, let font = byObject[id] { return font }
        let font: PDFFont
        do {
            guard let dictionary = try source.resolve(object).dictionaryValue else { return Self.standIn }
            font = try FontLoader(source: source).load(dictionary)
        } catch PDFError.malformed {
            font = Self.standIn
        }
        if case .reference(let id) = object { byObject[id] = font }
        return font
    }

    static let standIn: PDFFont = {
        // A Type1 Helvetica with StandardEncoding cannot fail to load.
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
