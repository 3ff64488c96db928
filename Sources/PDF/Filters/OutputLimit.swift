/// The most bytes a decoder may produce, and the typed error to throw past it, so a
/// decompression bomb stops at the limit instead of filling memory.
struct OutputLimit {
    let maxBytes: Int
    let error: PDFError

    static func unlimited() -> OutputLimit {
        OutputLimit(maxBytes: Int.max, error: .decompressedSizeExceeded(limit: Int.max))
    }

    @inline(__always) func check(_ count: Int) throws {
        if count > maxBytes { throw error }
    }
}
