/// An embedded TrueType or OpenType (sfnt) font program: its table directory and the tables
/// that tell what a glyph means, `cmap` (codes → glyphs) and `post` (glyph names).
/// The glyph outlines are never read.
struct TrueTypeFontProgram {
    let data: FontBytes
    /// Byte range of each table by tag, each one checked to lie inside the program.
    private(set) var tables: [String: Range<Int>] = [:]

    /// Nil unless `bytes` start with an sfnt header (TrueType, `true`, `OTTO`, or the first
    /// font of a `ttcf` collection) whose table directory fits.
    init?(_ bytes: [UInt8]) {
        guard bytes.count <= FontProgramLimits.maxProgramBytes else { return nil }
        data = FontBytes(bytes)
        var directory = 0
        if data.u32(0) == Self.tag("ttcf") {
            guard let first = data.u32(12), let offset = Int(exactly: first) else { return nil }
            directory = offset
        }
        guard let version = data.u32(directory),
              [0x0001_0000, Self.tag("true"), Self.tag("OTTO")].contains(version),
              let count = data.u16(directory + 4) else { return nil }
        for index in 0..<Int(count) {
            let record = directory + 12 + index * 16
            guard let tag = data.u32(record), let offset = data.u32(record + 8),
                  let length = data.u32(record + 12) else { return nil }
            let start = Int(offset), size = Int(length)
            guard data.contains(start, length: size) else { continue }
            tables[Self.name(tag)] = start..<start + size
        }
    }

    /// `numGlyphs` from `maxp`, else the most glyphs any sfnt can have.
    var glyphCount: Int {
        guard let maxp = tables["maxp"], let count = data.u16(maxp.lowerBound + 4) else {
            return FontProgramLimits.maxGlyphs
        }
        return Int(count)
    }

    /// The `CFF ` table of an OpenType font with PostScript outlines.
    var cffBytes: [UInt8]? { tables["CFF "].map { Array(data.bytes[$0]) } }

    // MARK: cmap

    /// Each `cmap` subtable whose format we read, with its platform and encoding.
    var cmapSubtables: [TrueTypeCMap] {
        guard let cmap = tables["cmap"], let count = data.u16(cmap.lowerBound + 2) else { return [] }
        var subtables: [TrueTypeCMap] = []
        for index in 0..<Int(count) {
            let record = cmap.lowerBound + 4 + index * 8
            guard record + 8 <= cmap.upperBound, let platform = data.u16(record), let encoding = data.u16(record + 2),
                  let offset = data.u32(record + 4) else { break }
            let start = cmap.lowerBound + Int(offset)
            if let subtable = TrueTypeCMap(data, at: start, platform: platform, encoding: encoding) {
                subtables.append(subtable)
            }
        }
        return subtables
    }

    /// The subtable mapping Unicode: (3,10) full repertoire, then Unicode-platform subtables,
    /// then (3,1) BMP.
    var unicodeCMap: TrueTypeCMap? {
        func rank(_ table: TrueTypeCMap) -> Int? {
            switch (table.platform, table.encoding) {
            case (3, 10): return 0
            case (0, 4), (0, 6): return 1
            case (0, _): return 2
            case (3, 1): return 3
            default: return nil
            }
        }
        return cmapSubtables.compactMap { table in rank(table).map { (table, $0) } }
            .min { $0.1 < $1.1 }?.0
    }

    // MARK: post

    /// Glyph names by glyph id from `post` format 1 (the standard Macintosh order) or 2; nil
    /// for format 3, which carries no names.
    func glyphNames() -> [String?]? {
        guard let post = tables["post"], let format = data.u32(post.lowerBound) else { return nil }
        let standard = MacGlyphNames.names
        switch format {
        case 0x0001_0000:
            return standard
        case 0x0002_0000:
            guard let count = data.u16(post.lowerBound + 32) else { return nil }
            let indexStart = post.lowerBound + 34
            // Pascal strings after the index: the names of glyphs numbered from 258.
            var custom: [String] = []
            var offset = indexStart + 2 * Int(count)
            while offset < post.upperBound, let length = data.u8(offset) {
                let range = offset + 1..<offset + 1 + Int(length)
                guard range.upperBound <= post.upperBound, let name = data.string(range) else { break }
                custom.append(name)
                offset = range.upperBound
            }
            var names: [String?] = []
            names.reserveCapacity(Int(count))
            for glyph in 0..<Int(count) {
                guard let index = data.u16(indexStart + 2 * glyph) else { break }
                let i = Int(index)
                names.append(i < standard.count ? standard[i] : (i - 258 < custom.count ? custom[i - 258] : nil))
            }
            return names
        default:
            return nil
        }
    }

    static func tag(_ text: StaticString) -> UInt32 {
        var value: UInt32 = 0
        text.withUTF8Buffer { for byte in $0 { value = value << 8 | UInt32(byte) } }
        return value
    }

    private static func name(_ tag: UInt32) -> String {
        String(decoding: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: tag >> $0) }, as: Unicode.ASCII.self)
    }
}
