/// Expands the Latin typographic ligatures (U+FB00–U+FB06) that fonts map ligature glyphs to,
/// so that "ﬁle" is searchable as "file".
enum Ligatures {
    private static let expansions: [Unicode.Scalar: String] = [
        "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi",
        "\u{FB04}": "ffl", "\u{FB05}": "st", "\u{FB06}": "st",
    ]

    @inline(__always)
    static func expand(_ text: String) -> String {
        // Fast path: ligatures live in one small block.
        guard text.unicodeScalars.contains(where: { $0.value >= 0xFB00 && $0.value <= 0xFB06 }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if let expansion = expansions[scalar] { out += expansion } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
