/// Builds `PDFFont`s from font dictionaries (ISO 32000-2 §9.6–9.7).
struct FontLoader {
    let source: PDFObjectSource

    func load(_ dictionary: PDFDictionary) throws -> PDFFont {
        if dictionary["Subtype"]?.nameValue == "Type0" {
            return try loadComposite(dictionary)
        }
        return try loadSimple(dictionary)
    }

    // MARK: Simple fonts: Type1, MMType1, TrueType, Type3

    func loadSimple(_ font: PDFDictionary) throws -> PDFFont {
        let subtype = font["Subtype"]?.nameValue ?? "Type1"
        let baseFont = try name(font["BaseFont"]) ?? ""
        let descriptor = try dictionary(font["FontDescriptor"])
        let flags = try integer(descriptor?["Flags"]) ?? 0
        let isSymbolic = flags & 4 != 0
        let toUnicode = try cmap(font["ToUnicode"])
        // Built-in metrics matter only when the font dictionary lacks widths or the descriptor
        // lacks ascent/descent; the usual embedded font has both.
        var builtInMetrics: StandardFontMetrics?
        var metrics: StandardFontMetrics {
            if let builtInMetrics { return builtInMetrics }
            let found = StandardFontMetrics.named(baseFont) ?? fallbackMetrics(flags: flags)
            builtInMetrics = found
            return found
        }

        let encoding = try simpleEncoding(font, baseFont: baseFont, descriptor: descriptor,
                                          subtype: subtype, isSymbolic: isSymbolic)
        // Type3 glyph widths are in glyph space, mapped to text space by the FontMatrix.
        var widthScale = 0.001
        var ascent = try number(descriptor?["Ascent"]).map { $0 / 1000 } ?? metrics.ascent / 1000
        var descent = try number(descriptor?["Descent"]).map { $0 / 1000 } ?? metrics.descent / 1000
        if subtype == "Type3" {
            let matrix = try array(font["FontMatrix"])?.compactMap(\.numberValue) ?? []
            if matrix.count == 6, matrix[0] != 0 { widthScale = abs(matrix[0]) }
            if let box = try array(font["FontBBox"])?.compactMap(\.numberValue), box.count == 4, matrix.count == 6 {
                ascent = max(box[1], box[3]) * abs(matrix[3])
                descent = min(box[1], box[3]) * abs(matrix[3])
            }
        }

        // Codes are 0…255; a FirstChar outside that range only shifts Widths off every code.
        let firstChar = min(max(try integer(font["FirstChar"]) ?? 0, -1), 256)
        let widths = try array(font["Widths"])?.map { try direct($0).numberValue }
        let missingWidth = try number(descriptor?["MissingWidth"])

        // Only TrueType programs map codes to glyphs by themselves (their cmap); a Type 1 or
        // CFF program's built-in encoding is already part of `encoding`. Some producers label
        // an embedded TrueType program /Type1: the program decides.
        let program = subtype == "TrueType" || descriptor?["FontFile2"] != nil
            ? lazyProgram(descriptor, cidToGID: nil) : nil
        let codes = SimpleFontCodes(toUnicode: toUnicode, encoding: encoding, program: program, isSymbolic: isSymbolic,
                                    codesAreLatin1: isSymbolic && subtype == "TrueType",
                                    widths: widths, firstChar: firstChar, missingWidth: missingWidth,
                                    metrics: widths == nil ? metrics : nil, widthScale: widthScale)
        return PDFFont(baseFont: baseFont, codes: .singleByte(codes), ascent: ascent, descent: descent)
    }

    /// The glyph name of each code: base encoding (explicit, built into the font program,
    /// or the standard one), then `/Differences`.
    private func simpleEncoding(_ font: PDFDictionary, baseFont: String, descriptor: PDFDictionary?,
                                subtype: String, isSymbolic: Bool) throws -> SimpleEncoding {
        let encodingObject = try source.resolve(font["Encoding"] ?? .null)
        var baseName = encodingObject.nameValue
        let encodingDictionary = encodingObject.dictionaryValue
        if let dict = encodingDictionary { baseName = try name(dict["BaseEncoding"]) }

        var base: BaseEncoding?
        var names: [String?] = Array(repeating: nil, count: 256)
        if let baseName, let named = BaseEncoding(rawValue: baseName) {
            base = named
        } else if let builtIn = try builtInEncoding(descriptor) {
            names = builtIn
        } else if subtype == "Type3" || (isSymbolic && subtype == "TrueType") {
            // No encoding at all: codes select glyphs directly.
        } else if ByteSearch.contains(baseFont, caseInsensitive: "symbol") || ByteSearch.contains(baseFont, caseInsensitive: "dingbats") {
            // Symbol and ZapfDingbats have built-in encodings we do not carry.
        } else if subtype == "TrueType", (descriptor?["FontFile2"] ?? descriptor?["FontFile3"]) != nil {
            // An embedded non-symbolic TrueType font without an encoding: poppler and pdf.js read
            // its codes as WinAnsi, which is what the producers of such fonts write.
            base = .winAnsi
        } else {
            base = .standard
        }
        var encoding = base.map { SimpleEncoding(names: $0.glyphNames, baseTexts: $0.texts) }
            ?? SimpleEncoding(names: names, baseTexts: nil)
        if let differences = try array(encodingDictionary?["Differences"]) {
            var code = 0
            for item in differences {
                let element = try direct(item)
                switch element {
                case .integer, .real: code = element.intValue ?? -1
                case .name(let glyph):
                    if (0..<256).contains(code) { encoding.setName(glyph, for: code) }
                    if code < 256 { code += 1 }
                default: break
                }
            }
        }
        return encoding
    }

    /// The built-in encoding of an embedded Type 1 program (`dup 65 /A put` in its clear-text
    /// part) or CFF program (`FontFile3`). Nil when the font has none or uses StandardEncoding.
    private func builtInEncoding(_ descriptor: PDFDictionary?) throws -> [String?]? {
        if let stream = try source.resolve(descriptor?["FontFile"] ?? .null).streamValue {
            return Type1FontProgram.encoding(in: try source.decodedData(of: stream))
        }
        if let stream = try source.resolve(descriptor?["FontFile3"] ?? .null).streamValue {
            return EmbeddedFontProgram(try source.decodedData(of: stream))?.builtInEncoding
        }
        return nil
    }

    /// The embedded TrueType/OpenType/CFF program (`FontFile2` or `FontFile3`), read only when
    /// a glyph first needs it. `cidToGID` is a CIDFontType2's `/CIDToGIDMap`.
    private func lazyProgram(_ descriptor: PDFDictionary?, cidToGID: PDFObject?) -> LazyFontProgram? {
        guard let file = descriptor?["FontFile2"] ?? descriptor?["FontFile3"] else { return nil }
        return LazyFontProgram { [source] in
            guard let stream = try source.resolve(file).streamValue else { return nil }
            var map = CIDToGIDMap.identity
            if let cidToGID, let table = try source.resolve(cidToGID).streamValue {
                map = .table(try source.decodedData(of: table))
            }
            return EmbeddedFontProgram(try source.decodedData(of: stream), cidToGID: map)
        }
    }

    private func fallbackMetrics(flags: Int) -> StandardFontMetrics {
        let name = flags & 1 != 0 ? "Courier" : (flags & 2 != 0 ? "Times-Roman" : "Helvetica")
        return StandardFontMetrics.named(name)!
    }

    // MARK: Composite fonts: Type0 with a CIDFontType0/2 descendant

    func loadComposite(_ font: PDFDictionary) throws -> PDFFont {
        let baseFont = try name(font["BaseFont"]) ?? ""
        let encodingObject = try source.resolve(font["Encoding"] ?? .null)
        var encoding = CMap()
        var identity = true
        var codesAreUnicode = false
        // CIDs are known for Identity-H/V and embedded CMaps; other predefined CMaps are not carried.
        var cidsAreKnown = false
        var vertical = false
        if let stream = encodingObject.streamValue {
            encoding = CMapParser.parse(try source.decodedData(of: stream))
            identity = !encoding.hasCIDMappings
            cidsAreKnown = encoding.hasCIDMappings || encoding.usedCMapName?.hasPrefix("Identity-") == true
            vertical = encoding.writingMode == 1 || (encoding.usedCMapName?.hasSuffix("-V") ?? false)
        } else if let cmapName = encodingObject.nameValue {
            vertical = cmapName.hasSuffix("-V")
            cidsAreKnown = cmapName == "Identity-H" || cmapName == "Identity-V"
            codesAreUnicode = ByteSearch.contains(cmapName, caseInsensitive: "UCS2")
                || ByteSearch.contains(cmapName, caseInsensitive: "UTF16")
        }
        if encoding.codespaceRanges.isEmpty {
            encoding.codespaceRanges = codesAreUnicode
                ? [.init(low: [0, 0], high: [0xD7, 0xFF]), .init(low: [0xE0, 0], high: [0xFF, 0xFF]),
                   .init(low: [0xD8, 0, 0xDC, 0], high: [0xDB, 0xFF, 0xDF, 0xFF])]
                : [.init(low: [0, 0], high: [0xFF, 0xFF])]
        }

        let descendant = try array(font["DescendantFonts"]).flatMap { $0.first }.map { try source.resolve($0).dictionaryValue } ?? nil
        let descriptor = try dictionary(descendant?["FontDescriptor"])
        let w = try array(descendant?["W"])?.map { try direct($0) } ?? []
        let widths = CIDWidths(defaultWidth: try number(descendant?["DW"]) ?? 1000, w: w)
        let dw2 = try array(descendant?["DW2"])?.compactMap(\.numberValue) ?? []
        let verticalAdvance = dw2.count == 2 ? dw2[1] / 1000 : -1

        let program = cidsAreKnown
            ? lazyProgram(descriptor, cidToGID: descendant?["Subtype"]?.nameValue == "CIDFontType2" ? descendant?["CIDToGIDMap"] : nil)
            : nil
        let codes = CompositeFontCodes(encoding: encoding, identityCIDs: identity, codesAreUnicode: codesAreUnicode,
                                       toUnicode: try cmap(font["ToUnicode"]), program: program, widths: widths)
        let ascent = try number(descriptor?["Ascent"]).map { $0 / 1000 } ?? 0.8
        let descent = try number(descriptor?["Descent"]).map { $0 / 1000 } ?? -0.2
        return PDFFont(baseFont: baseFont, codes: .composite(codes), ascent: ascent, descent: descent,
                       isVertical: vertical, verticalAdvance: verticalAdvance)
    }

    // MARK: Resolving helpers

    /// `object` itself unless it is a reference: arrays of numbers and names are large and
    /// almost never hold references, so this skips the resolver's work per element.
    @inline(__always)
    private func direct(_ object: PDFObject) throws -> PDFObject {
        if case .reference = object { return try source.resolve(object) }
        return object
    }

    private func cmap(_ object: PDFObject?) throws -> CMap? {
        guard let object, let stream = try source.resolve(object).streamValue else { return nil }
        return CMapParser.parse(try source.decodedData(of: stream))
    }
    private func name(_ object: PDFObject?) throws -> String? {
        guard let object else { return nil }
        return try source.resolve(object).nameValue
    }
    private func integer(_ object: PDFObject?) throws -> Int? {
        guard let object else { return nil }
        return try source.resolve(object).intValue
    }
    private func number(_ object: PDFObject?) throws -> Double? {
        guard let object else { return nil }
        return try source.resolve(object).numberValue
    }
    private func array(_ object: PDFObject?) throws -> [PDFObject]? {
        guard let object else { return nil }
        return try source.resolve(object).arrayValue
    }
    private func dictionary(_ object: PDFObject?) throws -> PDFDictionary? {
        guard let object else { return nil }
        return try source.resolve(object).dictionaryValue
    }
}
