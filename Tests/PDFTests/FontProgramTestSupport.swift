@testable import PDF

/// Builders of small font programs, byte by byte, for the font-program readers' tests.
enum FontProgramBytes {
    static func u16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    static func u32(_ value: Int) -> [UInt8] { u16(value >> 16 & 0xFFFF) + u16(value & 0xFFFF) }

    /// An sfnt with the given tables (tags of four characters), directory first.
    static func sfnt(_ tables: [(String, [UInt8])], version: Int = 0x0001_0000) -> [UInt8] {
        var bytes = u32(version) + u16(tables.count) + u16(0) + u16(0) + u16(0)
        var offset = 12 + 16 * tables.count
        var body: [UInt8] = []
        for (tag, data) in tables {
            bytes += Array(tag.utf8) + u32(0) + u32(offset) + u32(data.count)
            body += data
            offset += data.count
        }
        return bytes + body
    }

    /// A `cmap` table holding the given subtables as (platform, encoding, subtable bytes).
    static func cmap(_ subtables: [(Int, Int, [UInt8])]) -> [UInt8] {
        var bytes = u16(0) + u16(subtables.count)
        var offset = 4 + 8 * subtables.count
        var body: [UInt8] = []
        for (platform, encoding, data) in subtables {
            bytes += u16(platform) + u16(encoding) + u32(offset)
            body += data
            offset += data.count
        }
        return bytes + body
    }

    /// Format 0: one glyph byte per code 0…255 (unlisted codes map to glyph 0).
    static func format0(_ glyphs: [Int: Int]) -> [UInt8] {
        u16(0) + u16(262) + u16(0) + (0..<256).map { UInt8(glyphs[$0] ?? 0) }
    }

    /// Format 6: glyphs of consecutive codes from `first`.
    static func format6(first: Int, _ glyphs: [Int]) -> [UInt8] {
        u16(6) + u16(10 + 2 * glyphs.count) + u16(0) + u16(first) + u16(glyphs.count) + glyphs.flatMap(u16)
    }

    /// A format-4 segment: codes `start...end`, mapped by delta, or through `glyphs` (one per code).
    struct Segment {
        var start: Int, end: Int, delta: Int = 0, glyphs: [Int]? = nil
    }

    /// Format 4; the closing 0xFFFF segment is added.
    static func format4(_ segments: [Segment]) -> [UInt8] {
        let all = segments + [Segment(start: 0xFFFF, end: 0xFFFF, delta: 1)]
        let count = all.count
        var rangeOffsets: [Int] = []
        var glyphArray: [Int] = []
        for (index, segment) in all.enumerated() {
            if let glyphs = segment.glyphs {
                // Bytes from this segment's idRangeOffset entry to its first glyph in the array.
                rangeOffsets.append(2 * (count - index) + 2 * glyphArray.count)
                glyphArray += glyphs
            } else {
                rangeOffsets.append(0)
            }
        }
        let body = all.flatMap { u16($0.end) } + u16(0) + all.flatMap { u16($0.start) }
            + all.flatMap { u16($0.delta & 0xFFFF) } + rangeOffsets.flatMap(u16) + glyphArray.flatMap(u16)
        return u16(4) + u16(14 + body.count) + u16(0) + u16(2 * count) + u16(0) + u16(0) + u16(0) + body
    }

    /// Format 12: (first code, last code, first glyph) groups.
    static func format12(_ groups: [(Int, Int, Int)]) -> [UInt8] {
        u16(12) + u16(0) + u32(16 + 12 * groups.count) + u32(0) + u32(groups.count)
            + groups.flatMap { u32($0.0) + u32($0.1) + u32($0.2) }
    }

    /// `post` format 2: each glyph's index into the standard Mac names (< 258) or `custom`.
    static func post2(indices: [Int], custom: [String]) -> [UInt8] {
        u32(0x0002_0000) + [UInt8](repeating: 0, count: 28) + u16(indices.count) + indices.flatMap(u16)
            + custom.flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) }
    }

    static func maxp(glyphs: Int) -> [UInt8] { u32(0x0000_5000) + u16(glyphs) }

    // MARK: CFF

    /// A CFF INDEX with offsets of `offSize` bytes.
    static func index(_ objects: [[UInt8]], offSize: Int = 1) -> [UInt8] {
        guard !objects.isEmpty else { return u16(0) }
        var offsets = [1]
        for object in objects { offsets.append(offsets.last! + object.count) }
        let encoded = offsets.flatMap { offset in (0..<offSize).reversed().map { UInt8(offset >> (8 * $0) & 0xFF) } }
        return u16(objects.count) + [UInt8(offSize)] + encoded + objects.flatMap { $0 }
    }

    /// A DICT integer operand in its five-byte form, so that offsets can be patched in place.
    static func operand(_ value: Int) -> [UInt8] { [29] + u32(value) }

    /// A one-font CFF: `glyphCount` empty charstrings, the given charset and encoding bytes
    /// (placed after the charstrings), extra strings, and a ROS when `cidKeyed`.
    static func cff(glyphCount: Int, charset: [UInt8]?, encoding: [UInt8]? = nil,
                    strings: [String] = [], cidKeyed: Bool = false) -> [UInt8] {
        let header: [UInt8] = [1, 0, 4, 4]
        let names = index([Array("Test".utf8)])
        let stringIndex = index(strings.map { Array($0.utf8) })
        let globalSubrs = index([])
        let charStrings = index(Array(repeating: [14], count: glyphCount))
        // The Top DICT's size does not depend on the offsets' values (five-byte operands).
        func topDict(charStrings at: Int, charset: Int, encoding: Int) -> [UInt8] {
            var dict: [UInt8] = []
            if cidKeyed { dict += operand(391) + operand(392) + operand(0) + [12, 30] }
            dict += operand(at) + [17] + operand(charset) + [15] + operand(encoding) + [16]
            return dict
        }
        let topSize = index([topDict(charStrings: 0, charset: 0, encoding: 0)]).count
        let charStringsAt = header.count + names.count + topSize + stringIndex.count + globalSubrs.count
        let charsetAt = charset == nil ? 0 : charStringsAt + charStrings.count
        let encodingAt = encoding == nil ? 0 : charStringsAt + charStrings.count + (charset?.count ?? 0)
        let top = index([topDict(charStrings: charStringsAt, charset: charsetAt, encoding: encodingAt)])
        return header + names + top + stringIndex + globalSubrs + charStrings + (charset ?? []) + (encoding ?? [])
    }
}
