/// What an embedded font program says its glyphs mean, for glyphs that the font's PDF
/// dictionaries (`/ToUnicode`, `/Encoding`) leave without Unicode: the glyph's entry in the
/// program's Unicode `cmap`, else its name (CFF charset, then TrueType `post`) through the
/// Adobe Glyph List. This is how poppler and pdf.js recover text from fonts without ToUnicode.
final class EmbeddedFontProgram {
    private let sfnt: TrueTypeFontProgram?
    private let cff: CFFFontProgram?
    private let cidToGID: CIDToGIDMap
    /// The Unicode `cmap` inverted: the preferred code point of each glyph, 0 for none.
    private lazy var unicodeByGlyph: [UInt32] = invertedUnicodeCMap()
    private lazy var postNames: [String?] = sfnt?.glyphNames() ?? []
    private lazy var glyphsByPostName: [String: Int] = {
        var glyphs: [String: Int] = [:]
        for (glyph, name) in postNames.enumerated() where name != nil && glyphs[name!] == nil { glyphs[name!] = glyph }
        return glyphs
    }()
    private lazy var cmapSubtables: [TrueTypeCMap] = sfnt?.cmapSubtables ?? []
    private lazy var glyphsByCID: [Int: Int] = cff?.glyphsByCID() ?? [:]

    /// Nil when `bytes` are neither an sfnt (TrueType/OpenType) nor a bare CFF program.
    init?(_ bytes: [UInt8], cidToGID: CIDToGIDMap = .identity) {
        if let sfnt = TrueTypeFontProgram(bytes) {
            self.sfnt = sfnt
            cff = sfnt.cffBytes.flatMap(CFFFontProgram.init)
        } else if let cff = CFFFontProgram(bytes) {
            sfnt = nil
            self.cff = cff
        } else {
            return nil
        }
        self.cidToGID = cidToGID
    }

    /// The built-in encoding of a name-keyed CFF program (see `CFFFontProgram.builtInEncoding`).
    var builtInEncoding: [String?]? { cff?.builtInEncoding() }

    /// The text of the glyph a Type0 font's CID selects: through the CID-keyed CFF charset,
    /// else the `/CIDToGIDMap` (CIDFontType2), else CID = glyph id.
    func text(forCID cid: UInt32) -> String? {
        let glyph: Int?
        if let cff, cff.isCIDKeyed {
            glyph = Int(exactly: cid).flatMap { glyphsByCID[$0] }
        } else {
            glyph = cidToGID.glyph(for: cid)
        }
        return glyph.flatMap(text(forGlyph:))
    }

    /// The text of a simple TrueType font's code whose encoding gives none, its glyph found as
    /// ISO 32000-2 §9.6.5.4 prescribes: a glyph name the encoding gives (one the Adobe Glyph List
    /// does not know) through the `post` table; a code without a name through the cmap, for
    /// symbolic fonts (3,0) (codes possibly offset into U+F000…F2FF) then (1,0), for others
    /// (3,1) then (1,0).
    func text(forSimpleCode code: UInt8, named name: String?, symbolic: Bool) -> String? {
        if let name { return glyphsByPostName[name].flatMap(text(forGlyph:)) }
        func lookUp(_ platform: UInt16, _ encoding: UInt16, _ codes: [UInt32]) -> Int? {
            for table in cmapSubtables where table.platform == platform && table.encoding == encoding {
                for code in codes { if let glyph = table.glyph(for: code) { return glyph } }
            }
            return nil
        }
        let value = UInt32(code)
        let symbolCodes = [value, 0xF000 + value, 0xF100 + value, 0xF200 + value]
        let glyph = symbolic
            ? lookUp(3, 0, symbolCodes) ?? lookUp(1, 0, [value]) ?? lookUp(3, 1, [value])
            : lookUp(3, 1, [value]) ?? lookUp(1, 0, [value]) ?? lookUp(3, 0, symbolCodes)
        return glyph.flatMap(text(forGlyph:))
    }

    /// The glyph's code point in the Unicode cmap, else its CFF or `post` name through the
    /// glyph list.
    func text(forGlyph glyph: Int) -> String? {
        guard glyph > 0 else { return nil }   // glyph 0 is .notdef
        if glyph < unicodeByGlyph.count, unicodeByGlyph[glyph] != 0, let scalar = Unicode.Scalar(unicodeByGlyph[glyph]) {
            return String(Character(scalar))
        }
        if let name = cff?.glyphName(glyph) ?? (glyph < postNames.count ? postNames[glyph] : nil) {
            return GlyphList.unicode(forGlyphName: name)
        }
        return nil
    }

    private func invertedUnicodeCMap() -> [UInt32] {
        guard let sfnt, let cmap = sfnt.unicodeCMap else { return [] }
        var inverse = [UInt32](repeating: 0, count: min(sfnt.glyphCount, FontProgramLimits.maxGlyphs))
        var budget = FontProgramLimits.maxMappingsVisited
        cmap.forEachMapping(budget: &budget) { code, glyph in
            // Controls (a font's CR and tab entries) are never a glyph's text.
            guard glyph < inverse.count, code >= 0x20, !(0x7F..<0xA0).contains(code), Unicode.Scalar(code) != nil else { return }
            let current = inverse[glyph]
            if current == 0 || Self.preference(code) < Self.preference(current) { inverse[glyph] = code }
        }
        return inverse
    }

    /// When several code points share a glyph (space and no-break space, hyphen and soft
    /// hyphen, a letter and its private-use copy), the text is the lowest one outside the
    /// private use areas.
    private static func preference(_ code: UInt32) -> (Int, UInt32) {
        let isPrivateUse = (0xE000...0xF8FF).contains(code) || code >= 0xF0000
        return (isPrivateUse ? 1 : 0, code)
    }
}

/// A CIDFontType2's `/CIDToGIDMap`: the name `Identity`, or a stream of two-byte glyph ids
/// indexed by CID.
enum CIDToGIDMap {
    case identity
    case table([UInt8])

    func glyph(for cid: UInt32) -> Int? {
        switch self {
        case .identity:
            return cid < FontProgramLimits.maxGlyphs ? Int(cid) : nil
        case .table(let bytes):
            guard let index = Int(exactly: cid), let glyph = FontBytes(bytes).u16(2 * index) else { return nil }
            return Int(glyph)
        }
    }
}

/// A font program read on first use, at most once: fonts whose dictionaries map every shown
/// code (the usual case, with `/ToUnicode`) never decode or parse their program.
final class LazyFontProgram {
    private var load: (() throws -> EmbeddedFontProgram?)?
    private var loaded: EmbeddedFontProgram?

    init(_ load: @escaping () throws -> EmbeddedFontProgram?) { self.load = load }

    /// The program; nil when it is missing, damaged or cannot be decoded (its glyphs then stay
    /// unknown, as without it).
    var program: EmbeddedFontProgram? {
        if let load {
            self.load = nil
            loaded = try? load()
        }
        return loaded
    }
}
