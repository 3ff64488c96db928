/// An embedded CFF font program (Adobe TN 5176), bare (`FontFile3` `/Type1C`, `/CIDFontType0C`)
/// or from an OpenType `CFF ` table: the first font's charset (glyph → name, or glyph → CID when
/// the font is CID-keyed) and built-in encoding (code → glyph). Charstrings are never run.
struct CFFFontProgram {
    private let data: FontBytes
    /// CID-keyed fonts (Top DICT `ROS`) have CIDs in their charset and no glyph names.
    let isCIDKeyed: Bool
    /// Per glyph id: its SID (name-keyed) or CID (CID-keyed); empty when the charset is unknown.
    let charset: [Int]
    private let strings: CFFIndex?
    private let encodingOffset: Int

    init?(_ bytes: [UInt8]) {
        guard bytes.count <= FontProgramLimits.maxProgramBytes else { return nil }
        let data = FontBytes(bytes)
        guard let major = data.u8(0), major == 1, let headerSize = data.u8(2),
              let names = CFFIndex(data, at: Int(headerSize)),
              let topDicts = CFFIndex(data, at: names.end), let topRange = topDicts.range(0) else { return nil }
        let top = CFFDict(data, topRange)
        self.data = data
        strings = CFFIndex(data, at: topDicts.end)
        isCIDKeyed = top.operands[CFFDict.ros] != nil
        encodingOffset = top.operands[CFFDict.encoding]?.first ?? 0
        var glyphCount = 0
        if let offset = top.operands[CFFDict.charStrings]?.first, let charStrings = CFFIndex(data, at: offset) {
            glyphCount = min(charStrings.count, FontProgramLimits.maxGlyphs)
        }
        charset = Self.charset(data, at: top.operands[CFFDict.charset]?.first ?? 0,
                               glyphCount: glyphCount, isCIDKeyed: isCIDKeyed)
    }

    var glyphCount: Int { charset.count }

    /// The glyph's name, for name-keyed fonts.
    func glyphName(_ glyph: Int) -> String? {
        guard !isCIDKeyed, glyph > 0, glyph < charset.count else { return nil }
        return string(charset[glyph])
    }

    /// The glyph of each CID of a CID-keyed font (the charset inverted).
    func glyphsByCID() -> [Int: Int] {
        guard isCIDKeyed else { return [:] }
        var glyphs: [Int: Int] = [:]
        for (glyph, cid) in charset.enumerated() where glyph > 0 && glyphs[cid] == nil { glyphs[cid] = glyph }
        return glyphs
    }

    /// The glyph name of each code under the font's own encoding; nil for a CID-keyed font
    /// and for the predefined Standard and Expert encodings (which the caller knows by name).
    func builtInEncoding() -> [String?]? {
        guard !isCIDKeyed, encodingOffset > 1, let first = data.u8(encodingOffset) else { return nil }
        var names: [String?] = Array(repeating: nil, count: 256)
        var glyph = 1
        var position = encodingOffset + 2
        guard let count = data.u8(encodingOffset + 1) else { return nil }
        switch first & 0x7F {
        case 0:
            // One code per glyph, from glyph 1.
            for _ in 0..<count {
                guard let code = data.u8(position) else { return nil }
                names[Int(code)] = glyphName(glyph)
                glyph += 1
                position += 1
            }
        case 1:
            // Ranges of consecutive codes for consecutive glyphs.
            for _ in 0..<count {
                guard let low = data.u8(position), let left = data.u8(position + 1) else { return nil }
                for code in Int(low)...Int(low) + Int(left) {
                    if code < 256 { names[code] = glyphName(glyph) }
                    glyph += 1
                }
                position += 2
            }
        default:
            return nil
        }
        // Supplements: further codes for glyphs already encoded, by SID.
        if first & 0x80 != 0, let supplements = data.u8(position) {
            for index in 0..<Int(supplements) {
                let entry = position + 1 + 3 * index
                guard let code = data.u8(entry), let sid = data.u16(entry + 1) else { break }
                names[Int(code)] = string(Int(sid))
            }
        }
        return names
    }

    /// SIDs below 391 are the standard strings; the rest index the String INDEX.
    private func string(_ sid: Int) -> String? {
        let standard = CFFStandardStrings.strings
        if sid < standard.count { return standard[sid] }
        return strings?.range(sid - standard.count).flatMap(data.string)
    }

    /// The charset (TN 5176 §13): predefined ISOAdobe (offset 0), else format 0 (one SID per
    /// glyph), 1 or 2 (ranges with 8- or 16-bit lengths). Glyph 0 is always `.notdef`.
    static func charset(_ data: FontBytes, at offset: Int, glyphCount: Int, isCIDKeyed: Bool) -> [Int] {
        guard glyphCount > 0 else { return [] }
        if offset == 0 && !isCIDKeyed {
            // ISOAdobe: SID n for glyph n, up to 228.
            return Array(0..<min(glyphCount, 229))
        }
        // The Expert charsets (offsets 1 and 2) hold no names worth recovering text from.
        guard offset > 2, let format = data.u8(offset) else { return [] }
        var charset = [0]
        charset.reserveCapacity(glyphCount)
        var position = offset + 1
        while charset.count < glyphCount {
            switch format {
            case 0:
                guard let sid = data.u16(position) else { return charset }
                charset.append(Int(sid))
                position += 2
            case 1, 2:
                guard let first = data.u16(position),
                      let left = format == 1 ? data.u8(position + 2).map(Int.init) : data.u16(position + 2).map(Int.init)
                else { return charset }
                let run = min(left + 1, glyphCount - charset.count)
                charset.append(contentsOf: Int(first)..<Int(first) + run)
                position += format == 1 ? 3 : 4
            default:
                return []
            }
        }
        return charset
    }
}

/// A CFF INDEX: `count` objects located by offsets of `offSize` bytes, counted from 1.
struct CFFIndex {
    let count: Int
    /// The byte after the INDEX.
    let end: Int
    private let data: FontBytes
    private let offSize: Int
    private let offsets: Int

    init?(_ data: FontBytes, at start: Int) {
        guard let count = data.u16(start) else { return nil }
        self.data = data
        self.count = Int(count)
        if count == 0 {
            offSize = 1
            offsets = start + 2
            end = start + 2
            return
        }
        guard let offSize = data.u8(start + 2), (1...4).contains(offSize) else { return nil }
        self.offSize = Int(offSize)
        offsets = start + 3
        guard let last = data.unsigned(offsets + self.count * self.offSize, size: self.offSize) else { return nil }
        end = offsets + (self.count + 1) * self.offSize - 1 + last
        guard end <= data.count else { return nil }
    }

    /// The bytes of object `index`, nil when out of range or its offsets are inconsistent.
    func range(_ index: Int) -> Range<Int>? {
        guard index >= 0, index < count,
              let low = data.unsigned(offsets + index * offSize, size: offSize),
              let high = data.unsigned(offsets + (index + 1) * offSize, size: offSize),
              low >= 1, low <= high else { return nil }
        let base = offsets + (count + 1) * offSize - 1
        return base + low <= end && base + high <= end ? base + low..<base + high : nil
    }
}

/// A CFF DICT's integer operands by operator (two-byte operators as 1200 + second byte).
/// Real operands count as 0: none of the entries read here are reals.
struct CFFDict {
    static let charset = 15, encoding = 16, charStrings = 17, ros = 1230

    private(set) var operands: [Int: [Int]] = [:]

    init(_ data: FontBytes, _ range: Range<Int>) {
        var stack: [Int] = []
        var position = range.lowerBound
        while position < range.upperBound, let b0 = data.u8(position) {
            position += 1
            switch b0 {
            case 0...21:
                var op = Int(b0)
                if b0 == 12 {
                    guard let b1 = data.u8(position) else { return }
                    op = 1200 + Int(b1)
                    position += 1
                }
                operands[op] = stack
                stack.removeAll(keepingCapacity: true)
                continue
            case 28:
                guard let value = data.i16(position) else { return }
                stack.append(Int(value)); position += 2
            case 29:
                guard let value = data.u32(position) else { return }
                stack.append(Int(Int32(bitPattern: value))); position += 4
            case 30:
                // A real: nibbles up to and including one of 0xF.
                while position < range.upperBound, let byte = data.u8(position) {
                    position += 1
                    if byte & 0x0F == 0x0F || byte >> 4 == 0x0F { break }
                }
                stack.append(0)
            case 32...246:
                stack.append(Int(b0) - 139)
            case 247...250:
                guard let b1 = data.u8(position) else { return }
                stack.append((Int(b0) - 247) * 256 + Int(b1) + 108); position += 1
            case 251...254:
                guard let b1 = data.u8(position) else { return }
                stack.append(-(Int(b0) - 251) * 256 - Int(b1) - 108); position += 1
            default:
                return   // reserved byte: the DICT is damaged from here on
            }
            // The spec caps the operand stack at 48; a longer run is garbage.
            if stack.count > 48 { return }
        }
    }
}
