/// ASCII85Decode (§7.4.3): groups of five characters `!`…`u` give four bytes, `z` gives four zeros,
/// `~>` ends the data; a final partial group of n characters gives n − 1 bytes.
enum ASCII85Decoder {
    static func decode(_ input: [UInt8], limit: OutputLimit) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 4 / 5 + 4)
        var group: UInt64 = 0
        var count = 0
        var i = 0
        // Skip an optional `<~` prefix (as written by PostScript, not required in PDF).
        if input.count >= 2 && input[0] == 0x3C && input[1] == 0x7E { i = 2 }
        while i < input.count {
            let c = input[i]
            i += 1
            if c == 0x7E { break } // ~ starts the end marker
            if ByteClass.isWhitespace(c) { continue }
            if c == 0x7A && count == 0 { // z
                try limit.check(out.count + 4)
                out.append(contentsOf: [0, 0, 0, 0])
                continue
            }
            guard c >= 0x21 && c <= 0x75 else { continue } // junk
            group = group * 85 + UInt64(c - 0x21)
            count += 1
            if count == 5 {
                try limit.check(out.count + 4)
                appendWord(UInt32(truncatingIfNeeded: group), bytes: 4, to: &out)
                group = 0
                count = 0
            }
        }
        if count > 1 {
            for _ in count..<5 { group = group * 85 + 84 } // pad with 'u'
            appendWord(UInt32(truncatingIfNeeded: group), bytes: count - 1, to: &out)
        }
        return out
    }

    private static func appendWord(_ word: UInt32, bytes: Int, to out: inout [UInt8]) {
        for k in 0..<bytes { out.append(UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * k))) }
    }
}
