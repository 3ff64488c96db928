extension ByteSearch {
    /// Whether `text` contains `needle`, comparing ASCII letters case-insensitively. Font and
    /// CMap names are ASCII, and the generic `String.contains` costs far more.
    static func contains(_ text: String, caseInsensitive needle: String) -> Bool {
        let lower: (UInt8) -> UInt8 = { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let bytes = text.utf8.map(lower)
        return firstIndex(of: needle.utf8.map(lower), in: bytes, from: 0, to: bytes.count) != nil
    }
}
