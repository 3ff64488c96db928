/// The Latin base encodings a simple font's `/Encoding` may name (ISO 32000-2 Annex D).
public enum BaseEncoding: String, Sendable, CaseIterable {
    case standard = "StandardEncoding"
    case macRoman = "MacRomanEncoding"
    case winAnsi = "WinAnsiEncoding"
    case pdfDoc = "PDFDocEncoding"

    /// Glyph name for each code 0…255; nil where the encoding assigns none.
    public var glyphNames: [String?] {
        switch self {
        case .standard: return Self.standardNames
        case .macRoman: return Self.macRomanNames
        case .winAnsi: return Self.winAnsiNames
        case .pdfDoc: return Self.pdfDocNames
        }
    }

    /// The Unicode text of each code's glyph name, nil where there is none.
    public var texts: [String?] {
        switch self {
        case .standard: return Self.standardTexts
        case .macRoman: return Self.macRomanTexts
        case .winAnsi: return Self.winAnsiTexts
        case .pdfDoc: return Self.pdfDocTexts
        }
    }

    private static let standardTexts = standardNames.map { $0.flatMap(GlyphList.unicode(forGlyphName:)) }
    private static let macRomanTexts = macRomanNames.map { $0.flatMap(GlyphList.unicode(forGlyphName:)) }
    private static let winAnsiTexts = winAnsiNames.map { $0.flatMap(GlyphList.unicode(forGlyphName:)) }
    private static let pdfDocTexts = pdfDocNames.map { $0.flatMap(GlyphList.unicode(forGlyphName:)) }

    private static let standardNames = unpack(BaseEncodingData.standard)
    private static let macRomanNames = unpack(BaseEncodingData.macRoman)
    private static let winAnsiNames = unpack(BaseEncodingData.winAnsi)
    private static let pdfDocNames = unpack(BaseEncodingData.pdfDoc)

    private static func unpack(_ packed: String) -> [String?] {
        var names = packed.split(whereSeparator: { $0 == " " || $0 == "\n" })
            .map { $0 == "." ? nil : String($0) }
        names += Array(repeating: nil, count: max(0, 256 - names.count))
        return Array(names.prefix(256))
    }
}
