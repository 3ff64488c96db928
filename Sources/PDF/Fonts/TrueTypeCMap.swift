/// One subtable of a TrueType `cmap` (formats 0, 4, 6 and 12), read in place: character
/// codes → glyph ids. Glyph 0 (`.notdef`) counts as unmapped.
struct TrueTypeCMap {
    let platform: UInt16
    let encoding: UInt16
    let format: UInt16
    private let data: FontBytes
    private let start: Int

    init?(_ data: FontBytes, at start: Int, platform: UInt16, encoding: UInt16) {
        guard let format = data.u16(start), [0, 4, 6, 12].contains(format) else { return nil }
        self.data = data
        self.start = start
        self.platform = platform
        self.encoding = encoding
        self.format = format
    }

    /// The glyph id of `code`, nil when the subtable does not map it.
    func glyph(for code: UInt32) -> Int? {
        var found: Int?
        switch format {
        case 0:
            if code < 256 { found = data.u8(start + 6 + Int(code)).map(Int.init) }
        case 6:
            guard let first = data.u16(start + 6), let count = data.u16(start + 8),
                  code >= first, code - UInt32(first) < count else { return nil }
            found = data.u16(start + 10 + 2 * Int(code - UInt32(first))).map(Int.init)
        case 4:
            guard code <= 0xFFFF, let segments = format4Segments() else { return nil }
            // End codes are sorted: binary search for the first segment ending at or after `code`.
            var low = 0, high = segments.count - 1
            while low < high {
                let middle = (low + high) / 2
                guard let end = data.u16(segments.ends + 2 * middle) else { return nil }
                if UInt32(end) < code { low = middle + 1 } else { high = middle }
            }
            found = format4Glyph(code, segment: low, segments)
        case 12:
            guard let count = data.u32(start + 12) else { return nil }
            var low = 0, high = Int(count) - 1
            while low <= high {
                let middle = (low + high) / 2
                let group = start + 16 + 12 * middle
                guard let first = data.u32(group), let last = data.u32(group + 4),
                      let firstGlyph = data.u32(group + 8) else { return nil }
                if code < first { high = middle - 1 } else if code > last { low = middle + 1 } else {
                    found = Int(exactly: UInt64(firstGlyph) + UInt64(code - first))
                    break
                }
            }
        default:
            return nil
        }
        guard let glyph = found, glyph > 0, glyph < FontProgramLimits.maxGlyphs else { return nil }
        return glyph
    }

    /// Calls `body` with each (code, glyph) pair, in subtable order, spending one unit of
    /// `budget` per code visited and stopping when it is spent.
    func forEachMapping(budget: inout Int, _ body: (UInt32, Int) -> Void) {
        func visit(_ code: UInt32, _ glyph: Int?) -> Bool {
            guard budget > 0 else { return false }
            budget -= 1
            if let glyph, glyph > 0, glyph < FontProgramLimits.maxGlyphs { body(code, glyph) }
            return true
        }
        switch format {
        case 0, 6:
            let (first, count): (UInt32, UInt32) = format == 0
                ? (0, 256)
                : (UInt32(data.u16(start + 6) ?? 0), UInt32(data.u16(start + 8) ?? 0))
            for code in first..<first + count {
                guard visit(code, glyph(for: code)) else { return }
            }
        case 4:
            guard let segments = format4Segments() else { return }
            for segment in 0..<segments.count {
                guard let end = data.u16(segments.ends + 2 * segment),
                      let begin = data.u16(segments.starts + 2 * segment), begin <= end else { continue }
                for code in UInt32(begin)...UInt32(end) {
                    guard visit(code, format4Glyph(code, segment: segment, segments)) else { return }
                }
            }
        case 12:
            guard let count = data.u32(start + 12) else { return }
            for index in 0..<Int(count) {
                let group = start + 16 + 12 * index
                guard let first = data.u32(group), let last = data.u32(group + 4),
                      let firstGlyph = data.u32(group + 8), first <= last else { return }
                for code in first...last {
                    guard visit(code, Int(exactly: UInt64(firstGlyph) + UInt64(code - first))) else { return }
                }
            }
        default:
            return
        }
    }

    // MARK: Format 4: segments of consecutive codes

    private struct Segments {
        var count: Int
        var ends: Int, starts: Int, deltas: Int, rangeOffsets: Int
    }

    private func format4Segments() -> Segments? {
        guard let doubled = data.u16(start + 6), doubled >= 2 else { return nil }
        let count = Int(doubled / 2)
        let ends = start + 14
        let segments = Segments(count: count, ends: ends, starts: ends + 2 * count + 2,
                                deltas: ends + 4 * count + 2, rangeOffsets: ends + 6 * count + 2)
        return data.contains(ends, length: 8 * count + 2) ? segments : nil
    }

    private func format4Glyph(_ code: UInt32, segment: Int, _ segments: Segments) -> Int? {
        guard let end = data.u16(segments.ends + 2 * segment), let begin = data.u16(segments.starts + 2 * segment),
              let delta = data.u16(segments.deltas + 2 * segment),
              let rangeOffset = data.u16(segments.rangeOffsets + 2 * segment),
              code >= begin, code <= end else { return nil }
        if rangeOffset == 0 { return Int(UInt16(truncatingIfNeeded: code) &+ delta) }
        // idRangeOffset counts bytes from its own position into the glyph id array.
        let address = segments.rangeOffsets + 2 * segment + Int(rangeOffset) + 2 * Int(code - UInt32(begin))
        guard let glyph = data.u16(address), glyph != 0 else { return nil }
        return Int(glyph &+ delta)
    }
}
