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

    private static let all: [String: StandardFontMetrics] = {
        var fonts: [String: StandardFontMetrics] = [:]
        for line in StandardFontMetricsData.packed.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3, let ascent = Double(fields[1]), let descent = Double(fields[2]) else { continue }
            var widths = [UInt32: UInt16](minimumCapacity: fields.count)
            for pair in fields.dropFirst(3) {
                let parts = pair.split(separator: ":")
                if parts.count == 2, let code = UInt32(parts[0], radix: 16), let width = UInt16(parts[1]) {
                    widths[code] = width
                }
            }
            fonts[String(fields[0])] = StandardFontMetrics(widths: widths, ascent: ascent, descent: descent)
        }
        return fonts
    }()

    private static func canonicalName(_ baseFont: String) -> String? {
        var name = Substring(baseFont)
        // "ABCDEF+Helvetica": a subset tag is six capitals and a plus sign.
        if let plus = name.firstIndex(of: "+"), name.distance(from: name.startIndex, to: plus) == 6 {
            name = name[name.index(after: plus)...]
        }
        let lowered = String(name.lowercased().filter { $0 != " " })
        let bold = lowered.contains("bold")
        let italic = lowered.contains("italic") || lowered.contains("oblique")
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
