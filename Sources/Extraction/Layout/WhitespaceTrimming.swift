extension StringProtocol {
    /// The text without leading and trailing horizontal whitespace (tab and the Unicode space
    /// separators, U+0020, U+00A0, U+2009, U+202F…): what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` removes, without its CharacterSet round trip
    /// through CoreFoundation, which cost more than the label matching it served.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isHorizontalWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isHorizontalWhitespace })!
        var trimmed = String.UnicodeScalarView()
        trimmed.append(contentsOf: scalars[first...last])
        return String(trimmed)
    }

    /// Whether the text holds anything besides horizontal whitespace.
    var hasNonWhitespace: Bool { unicodeScalars.contains { !$0.isHorizontalWhitespace } }
}

extension Unicode.Scalar {
    /// Tab or a space separator (general category Zs), the members of `CharacterSet.whitespaces`.
    var isHorizontalWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return properties.generalCategory == .spaceSeparator
    }
}
