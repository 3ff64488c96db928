/// Glyph names → Unicode, the way mature readers resolve them: the Adobe Glyph List,
/// then `uniXXXX…` and `uXXXX[XX]` names, then ligature (`f_f_i`) and variant (`a.sc`) forms.
public enum GlyphList {
    /// The Adobe Glyph List as UTF-8 bytes: `name=HEX[+HEX…]` entries sorted by name.
    private static let packed: [UInt8] = Array(GlyphListData.packed.utf8)
    /// Where each entry starts in `packed`, in name order, for binary search. Building this is
    /// one pass over the bytes; no dictionary of 4,000 strings is ever made.
    private static let entryStarts: [Int32] = {
        var starts: [Int32] = []
        starts.reserveCapacity(4400)
        var atStart = true
        for (index, byte) in packed.enumerated() {
            if byte == 0x20 || byte == 0x0A { atStart = true; continue }
            if atStart { starts.append(Int32(index)); atStart = false }
        }
        return starts
    }()

    /// The Adobe Glyph List entry for `name`, exactly.
    static func listed(_ name: String) -> String? {
        let key = Array(name.utf8)
        var low = 0, high = entryStarts.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let start = Int(entryStarts[middle])
            switch compare(key, withEntryAt: start) {
            case .orderedSame: return value(at: start + key.count + 1)
            case .orderedAscending: high = middle - 1
            case .orderedDescending: low = middle + 1
            }
        }
        return nil
    }

    private enum Order { case orderedAscending, orderedSame, orderedDescending }

    /// Compares `key` with the name of the entry at `start` (which ends at `=`).
    private static func compare(_ key: [UInt8], withEntryAt start: Int) -> Order {
        var i = 0
        while true {
            let entryByte = packed[start + i]
            let entryEnded = entryByte == UInt8(ascii: "=")
            if i == key.count { return entryEnded ? .orderedSame : .orderedAscending }
            if entryEnded { return .orderedDescending }
            if key[i] != entryByte { return key[i] < entryByte ? .orderedAscending : .orderedDescending }
            i += 1
        }
    }

    /// The `HEX[+HEX…]` value starting at `index`, as text.
    private static func value(at index: Int) -> String {
        var text = ""
        var scalar: UInt32 = 0
        var i = index
        while i < packed.count {
            let byte = packed[i]
            if let digit = HexDigit.value(byte) {
                scalar = scalar << 4 | UInt32(digit)
            } else {
                if let s = Unicode.Scalar(scalar) { text.unicodeScalars.append(s) }
                scalar = 0
                if byte != UInt8(ascii: "+") { break }
            }
            i += 1
        }
        if i == packed.count, let s = Unicode.Scalar(scalar) { text.unicodeScalars.append(s) }
        return text
    }

    /// The text a glyph name stands for, or nil when the name carries no Unicode meaning.
    public static func unicode(forGlyphName name: String) -> String? {
        if let text = listed(name) { return text }
        // `a.sc`, `one.oldstyle`: the part before the first period names the character.
        if let dot = name.firstIndex(of: ".") {
            let base = String(name[..<dot])
            return base.isEmpty ? nil : unicode(forGlyphName: base)
        }
        // `f_f_i`: a ligature of its components.
        if name.contains("_") {
            var text = ""
            for part in name.split(separator: "_") {
                guard let piece = unicode(forGlyphName: String(part)) else { return nil }
                text += piece
            }
            return text.isEmpty ? nil : text
        }
        if name.hasPrefix("uni") { return uniName(name.utf8.dropFirst(3)) }
        if name.hasPrefix("u") { return uName(name.utf8.dropFirst(1)) }
        return nil
    }

    /// `uniXXXX[XXXX…]`: one or more 4-digit UTF-16 code units outside the surrogate range.
    private static func uniName(_ digits: Substring.UTF8View.SubSequence) -> String? {
        let bytes = Array(digits)
        guard !bytes.isEmpty, bytes.count % 4 == 0 else { return nil }
        var text = ""
        var i = 0
        while i < bytes.count {
            guard let value = hexValue(bytes[i..<i + 4]), !(0xD800...0xDFFF).contains(value),
                  let scalar = Unicode.Scalar(value) else { return nil }
            text.unicodeScalars.append(scalar)
            i += 4
        }
        return text
    }

    /// `uXXXX` to `uXXXXXX`: one code point.
    private static func uName(_ digits: Substring.UTF8View.SubSequence) -> String? {
        let bytes = Array(digits)
        guard (4...6).contains(bytes.count), let value = hexValue(bytes[...]),
              !(0xD800...0xDFFF).contains(value), let scalar = Unicode.Scalar(value) else { return nil }
        return String(Character(scalar))
    }

    private static func hexValue(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for byte in bytes {
            guard let digit = HexDigit.value(byte) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}

/// Hexadecimal digit values, shared by glyph names and CMap parsing.
enum HexDigit {
    @inline(__always)
    static func value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
