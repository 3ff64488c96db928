/// Glyph names → Unicode, the way mature readers resolve them: the Adobe Glyph List,
/// then `uniXXXX…` and `uXXXX[XX]` names, then ligature (`f_f_i`) and variant (`a.sc`) forms.
public enum GlyphList {
    /// The Adobe Glyph List, parsed once from the packed table.
    static let table: [String: String] = {
        var table = [String: String](minimumCapacity: 4400)
        for entry in GlyphListData.packed.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let eq = entry.firstIndex(of: "=") else { continue }
            var text = ""
            for hex in entry[entry.index(after: eq)...].split(separator: "+") {
                if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                    text.unicodeScalars.append(scalar)
                }
            }
            table[String(entry[..<eq])] = text
        }
        return table
    }()

    /// The text a glyph name stands for, or nil when the name carries no Unicode meaning.
    public static func unicode(forGlyphName name: String) -> String? {
        if let text = table[name] { return text }
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
