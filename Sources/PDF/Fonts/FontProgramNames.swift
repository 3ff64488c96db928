/// The glyph-name tables font programs index by number, unpacked on first use.
enum MacGlyphNames {
    /// The standard Macintosh glyph order (258 names) of TrueType `post` formats 1 and 2.
    static let names: [String] = unpackNames(FontProgramNamesData.macGlyphNames)
}

enum CFFStandardStrings {
    /// SIDs 0…390 (CFF spec Appendix A); higher SIDs index the font's own String INDEX.
    static let strings: [String] = unpackNames(FontProgramNamesData.cffStandardStrings)
}

private func unpackNames(_ packed: String) -> [String] {
    packed.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}
