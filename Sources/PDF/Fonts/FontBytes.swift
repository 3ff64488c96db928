/// Big-endian reads from an embedded font program. Every read is bounds-checked and gives nil
/// past the end, so a table that lies about its offsets or lengths yields no data, never a trap.
struct FontBytes {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var count: Int { bytes.count }

    @inline(__always)
    func contains(_ offset: Int, length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= bytes.count && length <= bytes.count - offset
    }

    func u8(_ offset: Int) -> UInt8? {
        contains(offset, length: 1) ? bytes[offset] : nil
    }

    func u16(_ offset: Int) -> UInt16? {
        guard contains(offset, length: 2) else { return nil }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    func i16(_ offset: Int) -> Int16? { u16(offset).map { Int16(bitPattern: $0) } }

    func u32(_ offset: Int) -> UInt32? {
        guard contains(offset, length: 4) else { return nil }
        return UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    /// An unsigned integer of `size` bytes (1…4), as CFF offsets are stored.
    func unsigned(_ offset: Int, size: Int) -> Int? {
        guard (1...4).contains(size), contains(offset, length: size) else { return nil }
        var value = 0
        for i in 0..<size { value = value << 8 | Int(bytes[offset + i]) }
        return value
    }

    /// The bytes of `range` as Latin-1 text (glyph names are ASCII).
    func string(_ range: Range<Int>) -> String? {
        guard contains(range.lowerBound, length: range.count) else { return nil }
        return String(decoding: bytes[range], as: Unicode.ASCII.self)
    }
}

/// Work bounds for reading font programs, so that a hostile program costs at most a few
/// milliseconds and megabytes whatever its tables claim.
enum FontProgramLimits {
    /// Larger programs are not read at all: real embedded fonts are well below this.
    static let maxProgramBytes = 32 * 1024 * 1024
    /// Glyph ids run to 65,535 in both TrueType and CFF.
    static let maxGlyphs = 65_536
    /// Code → glyph entries visited when inverting a cmap (a full CJK font has ≈ 60,000).
    static let maxMappingsVisited = 1 << 18
}
