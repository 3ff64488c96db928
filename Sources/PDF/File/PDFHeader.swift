/// The `%PDF-x.y` header (§7.5.2). Junk before it is tolerated within the first kilobyte, as
/// readers do; xref offsets in such files may count from the header rather than the file start.
struct PDFHeader {
    let version: String
    /// Byte index of `%PDF-`.
    let offset: Int

    private static let marker: [UInt8] = Array("%PDF-".utf8)

    init(bytes: [UInt8]) throws {
        guard let at = ByteSearch.firstIndex(of: Self.marker, in: bytes, from: 0, to: min(bytes.count, 1024 + 5)) else {
            throw PDFError.notAPDF
        }
        var end = at + Self.marker.count
        let stop = min(bytes.count, end + 8)
        while end < stop && (ByteClass.isDigit(bytes[end]) || bytes[end] == 0x2E) { end += 1 }
        let digits = bytes[(at + Self.marker.count)..<end]
        self.version = digits.isEmpty ? "1.0" : String(decoding: digits, as: UTF8.self)
        self.offset = at
    }
}
