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
        return all[canonical]
    }

    /// Parsed once, byte by byte: `Name ascent descent HEX:width …` per line.
    private static let all: [String: StandardFontMetrics] = {
        var fonts: [String: StandardFontMetrics] = [:]
        for line in Array(StandardFontMetricsData.packed.utf8).split(separator: 0x0A) {
            let fields = line.split(separator: 0x20)
            guard fields.count >= 3, let ascent = integer(fields[1]), let descent = integer(fields[2]) else { continue }
            var widths = [UInt32: UInt16](minimumCapacity: fields.count)
            for pair in fields.dropFirst(3) {
                guard let colon = pair.firstIndex(of: UInt8(ascii: ":")) else { continue }
                var code: UInt32 = 0
                for byte in pair[..<colon] { code = code << 4 | UInt32(HexDigit.value(byte) ?? 0) }
                if let width = integer(pair[(colon + 1)...]) { widths[code] = UInt16(clamping: width) }
            }
            fonts[String(decoding: fields[0], as: UTF8.self)] =
                StandardFontMetrics(widths: widths, ascent: Double(ascent), descent: Double(descent))
        }
        return fonts
    }()

    private static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
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
