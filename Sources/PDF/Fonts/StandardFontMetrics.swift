/// Built-in metrics of the standard 14 fonts, so that glyph positions are right when a
/// font dictionary leaves `/Widths` out (ISO 32000-2 §9.6.2.2).
struct StandardFontMetrics: Sendable {
    /// Advance widths in 1/1000 em, keyed by Unicode scalar value.
    let widths: [UInt32: UInt16]
    let ascent: Double
    let descent: Double

    /// Metrics for a base font name, allowing the common aliases (Arial → Helvetica, …)
    /// and a subset prefix; nil when the font is not one of the standard Latin fonts.
    static func named(_ baseFont: String) -> StandardFontMetrics? {
        guard let canonical = canonicalName(baseFont) else { return nil }
        switch canonical {
        case "Courier": return courier
        case "Courier-Bold": return courierBold
        case "Courier-Oblique": return courierOblique
        case "Courier-BoldOblique": return courierBoldOblique
        case "Helvetica": return helvetica
        case "Helvetica-Bold": return helveticaBold
        case "Helvetica-Oblique": return helveticaOblique
        case "Helvetica-BoldOblique": return helveticaBoldOblique
        case "Times-Roman": return timesRoman
        case "Times-Bold": return timesBold
        case "Times-Italic": return timesItalic
        case "Times-BoldItalic": return timesBoldItalic
        default: return nil
        }
    }

    // One lazily parsed table per font: a document uses one or two of the twelve, and parsing
    // all of them would cost every process a few million instructions at its first simple font.
    private static let courier = parse("Courier")
    private static let courierBold = parse("Courier-Bold")
    private static let courierOblique = parse("Courier-Oblique")
    private static let courierBoldOblique = parse("Courier-BoldOblique")
    private static let helvetica = parse("Helvetica")
    private static let helveticaBold = parse("Helvetica-Bold")
    private static let helveticaOblique = parse("Helvetica-Oblique")
    private static let helveticaBoldOblique = parse("Helvetica-BoldOblique")
    private static let timesRoman = parse("Times-Roman")
    private static let timesBold = parse("Times-Bold")
    private static let timesItalic = parse("Times-Italic")
    private static let timesBoldItalic = parse("Times-BoldItalic")

    /// The metrics on the packed table's line for `name`: `Name ascent descent HEX:width …`.
    private static func parse(_ name: String) -> StandardFontMetrics? {
        // The literal's own bytes, read in place: copying the whole table costs more than
        // parsing the one line wanted.
        let utf8 = StandardFontMetricsData.packed.utf8
        return utf8.withContiguousStorageIfAvailable { parse(name, in: $0) } ?? parse(name, in: Array(utf8))
    }

    private static func parse<Bytes: Collection<UInt8>>(_ name: String, in packed: Bytes) -> StandardFontMetrics? {
        let key = Array(name.utf8)
        for line in packed.split(separator: 0x0A) where line.starts(with: key) {
            let fields = line.split(separator: 0x20)
            guard fields.count >= 3, fields[0].elementsEqual(key),
                  let ascent = integer(fields[1]), let descent = integer(fields[2]) else { continue }
            var widths = [UInt32: UInt16](minimumCapacity: fields.count)
            for pair in fields.dropFirst(3) {
                guard let colon = pair.firstIndex(of: UInt8(ascii: ":")) else { continue }
                var code: UInt32 = 0
                for byte in pair[..<colon] { code = code << 4 | UInt32(HexDigit.value(byte) ?? 0) }
                if let width = integer(pair[pair.index(after: colon)...]) { widths[code] = UInt16(clamping: width) }
            }
            return StandardFontMetrics(widths: widths, ascent: Double(ascent), descent: Double(descent))
        }
        return nil
    }

    private static func integer<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
        var value = 0
        var negative = false
        for byte in bytes {
            if byte == UInt8(ascii: "-") { negative = true; continue }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }

    private static func canonicalName(_ baseFont: String) -> String? {
        var name = Substring(baseFont)
        // "ABCDEF+Helvetica": a subset tag is six capitals and a plus sign.
        if let plus = name.firstIndex(of: "+"), name.distance(from: name.startIndex, to: plus) == 6 {
            name = name[name.index(after: plus)...]
        }
        let lowered = String(name).lowercased()
        let family: String
        if lowered.hasPrefix("helvetica") || lowered.hasPrefix("arial") {
            family = "Helvetica"
        } else if lowered.hasPrefix("courier") {
            family = "Courier"
        } else if lowered.hasPrefix("times") {
            family = "Times"
        } else {
            return nil
        }
        let bold = ByteSearch.contains(lowered, caseInsensitive: "bold")
        let italic = ByteSearch.contains(lowered, caseInsensitive: "italic") || ByteSearch.contains(lowered, caseInsensitive: "oblique")
        switch (family, bold, italic) {
        case ("Times", false, false): return "Times-Roman"
        case ("Times", true, false): return "Times-Bold"
        case ("Times", false, true): return "Times-Italic"
        case ("Times", true, true): return "Times-BoldItalic"
        case (_, false, false): return family
        case (_, true, false): return family + "-Bold"
        case (_, false, true): return family + "-Oblique"
        default: return family + "-BoldOblique"
        }
    }

    /// Width of the glyph that renders `text`, in 1/1000 em.
    func width(of text: String) -> Double? {
        guard let scalar = text.unicodeScalars.first, let width = widths[scalar.value] else { return nil }
        return Double(width)
    }
}
