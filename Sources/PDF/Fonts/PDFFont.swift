/// What font loading needs from a document: following references and decoding streams.
/// `PDFFile` provides it; unit tests use an in-memory stand-in.
protocol PDFObjectSource: AnyObject {
    func resolve(_ object: PDFObject) throws -> PDFObject
    func decodedData(of stream: PDFStream) throws -> [UInt8]
}

/// One shown glyph as its font describes it.
struct FontGlyph: Sendable {
    /// The Unicode text; U+FFFD when the font gives the glyph no Unicode meaning, empty when
    /// the font maps it to no text on purpose.
    var text: String
    /// True when `text` is the replacement character standing for an unmapped glyph.
    var isUnknown: Bool
    /// Horizontal advance (or vertical, for vertical fonts) in text space units per unit of font size.
    var advance: Double
    /// Single-byte code 32: the one code word spacing (`Tw`) applies to.
    var isWordSpace: Bool
}

/// A loaded font: splits shown strings into codes and gives each its text and advance.
/// Loaded once per font dictionary and cached by the document.
final class PDFFont {
    static let unknownText = "\u{FFFD}"

    enum Codes {
        /// Simple fonts: one byte per code.
        case singleByte(SimpleFontCodes)
        /// Composite (Type0) fonts: codes split by the encoding CMap.
        case composite(CompositeFontCodes)
    }

    let baseFont: String
    let codes: Codes
    /// Ascent and descent as fractions of the font size (descent negative), for glyph boxes.
    let ascent: Double
    let descent: Double
    let isVertical: Bool
    /// Vertical advance for vertical fonts, per unit of font size (negative: downwards).
    let verticalAdvance: Double

    init(baseFont: String, codes: Codes, ascent: Double, descent: Double,
         isVertical: Bool = false, verticalAdvance: Double = -1) {
        self.baseFont = baseFont
        self.codes = codes
        // Descriptors lie often enough (zeros, font units, inverted signs) to warrant sane bounds.
        self.ascent = (0.2...1.5).contains(ascent) ? ascent : 0.8
        self.descent = (-0.8...0).contains(descent) && descent != 0 ? descent : -0.2
        self.isVertical = isVertical
        self.verticalAdvance = verticalAdvance
    }

    /// Calls `body` with each glyph of a shown string, in order.
    @inline(__always)
    func forEachGlyph(in bytes: [UInt8], _ body: (FontGlyph) -> Void) {
        switch codes {
        case .singleByte(let simple):
            for byte in bytes { body(simple.glyph(for: byte)) }
        case .composite(let composite):
            var index = 0
            while index < bytes.count {
                let (code, length) = composite.encoding.nextCode(in: bytes, at: index)
                var glyph = composite.glyph(for: code)
                glyph.isWordSpace = length == 1 && code == 32
                body(glyph)
                index += length
            }
        }
    }
}

/// Glyph names of a simple font's codes, with the text of the base encoding's names known
/// up front and `/Differences` names looked up only when their code is shown.
struct SimpleEncoding {
    private(set) var names: [String?]
    private let baseTexts: [String?]?
    private var replaced = [Bool](repeating: false, count: 256)

    init(names: [String?], baseTexts: [String?]?) {
        self.names = names
        self.baseTexts = baseTexts
    }

    mutating func setName(_ name: String, for code: Int) {
        names[code] = name
        replaced[code] = true
    }

    func text(for code: Int) -> String? {
        if !replaced[code], let baseTexts { return baseTexts[code] }
        return names[code].flatMap(GlyphList.unicode(forGlyphName:))
    }
}

/// The code → glyph machinery of a simple font. Each code's glyph is worked out the first
/// time it is shown: a page uses a few dozen of the 256.
final class SimpleFontCodes {
    private let toUnicode: CMap?
    private let encoding: SimpleEncoding
    /// A TrueType font's own program, for codes the dictionaries leave without text.
    private let program: LazyFontProgram?
    private let isSymbolic: Bool
    /// Symbolic TrueType fonts without an encoding draw code N with the font's own (3,0) cmap
    /// entry; their codes are Latin-1 in practice, as poppler assumes.
    private let codesAreLatin1: Bool
    private let widths: [Double?]?
    private let firstChar: Int
    private let missingWidth: Double?
    /// Built-in widths, for fonts without `/Widths` only.
    private let metrics: StandardFontMetrics?
    private let widthScale: Double
    private var glyphs = [FontGlyph?](repeating: nil, count: 256)

    init(toUnicode: CMap?, encoding: SimpleEncoding, program: LazyFontProgram? = nil, isSymbolic: Bool = false,
         codesAreLatin1: Bool, widths: [Double?]?, firstChar: Int,
         missingWidth: Double?, metrics: StandardFontMetrics?, widthScale: Double) {
        self.toUnicode = toUnicode
        self.encoding = encoding
        self.program = program
        self.isSymbolic = isSymbolic
        self.codesAreLatin1 = codesAreLatin1
        self.widths = widths
        self.firstChar = firstChar
        self.missingWidth = missingWidth
        self.metrics = metrics
        self.widthScale = widthScale
    }

    @inline(__always)
    func glyph(for byte: UInt8) -> FontGlyph {
        if let glyph = glyphs[Int(byte)] { return glyph }
        let glyph = makeGlyph(Int(byte))
        glyphs[Int(byte)] = glyph
        return glyph
    }

    private func makeGlyph(_ code: Int) -> FontGlyph {
        var text = toUnicode?.unicode(for: UInt32(code)) ?? encoding.text(for: code)
        if text == nil, let program = program?.program {
            text = program.text(forSimpleCode: UInt8(code), named: encoding.names[code], symbolic: isSymbolic)
        }
        if text == nil, codesAreLatin1, encoding.names[code] == nil, code >= 32 {
            text = String(Character(Unicode.Scalar(UInt8(code))))
        }
        var width: Double?
        if let widths, code >= firstChar, code - firstChar < widths.count { width = widths[code - firstChar] }
        if widths == nil, let text { width = metrics?.width(of: text) }
        let advance = (width ?? missingWidth ?? (widths == nil ? 500 : 0)) * widthScale
        return FontGlyph(text: text ?? PDFFont.unknownText, isUnknown: text == nil, advance: advance, isWordSpace: code == 32)
    }
}

/// The code → glyph machinery of a Type0 font, with a per-code cache since the same codes
/// repeat throughout a document.
final class CompositeFontCodes {
    /// Splits strings into codes and (unless `identityCIDs`) maps codes to CIDs.
    let encoding: CMap
    let identityCIDs: Bool
    /// Predefined Unicode CMaps (`Uni…-UCS2-H`, `Uni…-UTF16-H`): the code is the text.
    let codesAreUnicode: Bool
    let toUnicode: CMap?
    /// The embedded program, for CIDs without ToUnicode; nil when CIDs are unknown.
    let program: LazyFontProgram?
    let widths: CIDWidths
    /// Glyphs already worked out for two-byte codes, in blocks of 256 codes allocated on first
    /// use; longer codes go to `wideCache`.
    private var cache = [[FontGlyph?]?](repeating: nil, count: 256)
    private var wideCache: [UInt32: FontGlyph] = [:]

    init(encoding: CMap, identityCIDs: Bool, codesAreUnicode: Bool, toUnicode: CMap?, program: LazyFontProgram? = nil,
         widths: CIDWidths) {
        self.encoding = encoding
        self.identityCIDs = identityCIDs
        self.codesAreUnicode = codesAreUnicode
        self.toUnicode = toUnicode
        self.program = program
        self.widths = widths
    }

    @inline(__always)
    func glyph(for code: UInt32) -> FontGlyph {
        if code <= 0xFFFF {
            let block = Int(code >> 8), slot = Int(code & 0xFF)
            if let glyph = cache[block]?[slot] { return glyph }
            let glyph = makeGlyph(code)
            if cache[block] == nil { cache[block] = [FontGlyph?](repeating: nil, count: 256) }
            cache[block]![slot] = glyph
            return glyph
        }
        if let glyph = wideCache[code] { return glyph }
        let glyph = makeGlyph(code)
        // A hostile font could show millions of distinct long codes; the cache only saves work.
        if wideCache.count < 65_536 { wideCache[code] = glyph }
        return glyph
    }

    private func makeGlyph(_ code: UInt32) -> FontGlyph {
        let cid = identityCIDs ? code : (encoding.cid(for: code) ?? 0)
        var text = toUnicode?.unicode(for: code)
        if text == nil, codesAreUnicode {
            text = code > 0xFFFF
                ? CMap.string(fromUTF16: [UInt16(code >> 16), UInt16(code & 0xFFFF)])
                : CMap.string(fromUTF16: [UInt16(code)])
        }
        if text == nil, let program = program?.program { text = program.text(forCID: cid) }
        // An empty mapping is deliberate (a ligature's second glyph, a bidi helper): no text.
        return FontGlyph(text: text ?? PDFFont.unknownText, isUnknown: text == nil,
                         advance: widths.width(of: cid) / 1000, isWordSpace: false)
    }
}

/// CID advance widths from a CIDFont's `/W` and `/DW` (ISO 32000-2 §9.7.4.3), in 1/1000 em.
struct CIDWidths: Sendable {
    var defaultWidth: Double = 1000
    /// `c [w1 w2 …]` runs: widths of consecutive CIDs from `first`.
    var runs: [(first: UInt32, widths: [Double])] = []
    /// `cfirst clast w` ranges, kept unexpanded so a huge range costs nothing.
    var ranges: [(first: UInt32, last: UInt32, width: Double)] = []

    /// Looked up once per code (fonts cache glyphs), so a scan of the runs is enough.
    func width(of cid: UInt32) -> Double {
        for run in runs where cid >= run.first && UInt64(cid) < UInt64(run.first) + UInt64(run.widths.count) {
            return run.widths[Int(cid - run.first)]
        }
        for range in ranges where cid >= range.first && cid <= range.last { return range.width }
        return defaultWidth
    }

    /// Parses a `/W` array whose elements are already resolved.
    init(defaultWidth: Double = 1000, w: [PDFObject] = []) {
        self.defaultWidth = defaultWidth
        var i = 0
        while i < w.count {
            guard let first = w[i].intValue, first >= 0, first <= Int(UInt32.max) else { break }
            if i + 1 < w.count, let list = w[i + 1].arrayValue {
                runs.append((UInt32(first), list.map { $0.numberValue ?? defaultWidth }))
                i += 2
            } else if i + 2 < w.count, let last = w[i + 1].intValue, let width = w[i + 2].numberValue, last >= first {
                ranges.append((UInt32(clamping: first), UInt32(clamping: last), width))
                i += 3
            } else {
                break
            }
        }
    }
}
