/// Text folding shared by the label lexicon and the value parsers: lower case, accents
/// removed, the ligatures and letters a PDF text layer commonly produces mapped to ASCII, so
/// `Fällig am`, `FÄLLIG AM` and `Fallig am` compare equal.
enum TextFolding {
    /// Lower-cased, diacritics stripped (`Échéance` → `echeance`, `Straße` → `strasse`).
    static func fold(_ text: String) -> String {
        // Most label and value text is plain ASCII: lower-casing is all it needs, and text
        // that is already lower case is returned as it is, without a copy.
        if isASCII(text.utf8) { return containsASCIIUppercase(text.utf8) ? text.lowercased() : text }
        // `lowercased()` maps each scalar on its own, so folding is per scalar too: it is done
        // on bytes, the Latin letters from a table built once (appending scalars one by one to
        // a String, and lower-casing the whole text first, were most of the cost).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                bytes.append(asciiLowercased(UInt8(scalar.value)))
            } else if let index = latinIndex(scalar) {
                bytes += latinFolded[index]
            } else {
                appendFolded(scalar, to: &bytes)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One scalar lower-cased and folded, as UTF-8: the definition `fold` follows.
    private static func appendFolded(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
            if let replacement = replacement(for: lower) {
                bytes += replacement.utf8
            } else if let base = baseLetter(lower) {
                bytes += base.utf8
            }
        }
    }

    /// Letters and signs folded to other text than their base letter.
    private static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "ß": return "ss"
        case "æ": return "ae"
        case "ø": return "o"
        case "ł": return "l"   // Polish; no canonical decomposition
        case "œ": return "oe"
        case "ﬁ": return "fi"
        case "ﬂ": return "fl"
        case "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}": return " "
        case "º", "°": return "o"   // `Nº`, `N°`: the number sign reads as `no`
        case "№": return "no"
        case "ª": return "a"
        default: return nil
        }
    }

    /// The folded UTF-8 of each scalar of U+0080…U+024F, computed once.
    private static let latinFolded: [[UInt8]] = (latinTableStart...0x024F).map { value in
        var bytes: [UInt8] = []
        appendFolded(Unicode.Scalar(value)!, to: &bytes)
        return bytes
    }

    private static func latinIndex(_ scalar: Unicode.Scalar) -> Int? {
        scalar.value >= latinTableStart && scalar.value <= 0x024F ? Int(scalar.value - latinTableStart) : nil
    }

    /// The letter without its combining marks; nil for a bare combining mark.
    private static func baseLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if scalar.value < 0x80 { return scalar }
        if let index = Int(exactly: scalar.value - latinTableStart), index < latinBase.count, scalar.value >= latinTableStart {
            return latinBase[index]
        }
        return decomposedBase(scalar)
    }

    private static func decomposedBase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        return decomposed.first { !(0x0300...0x036F).contains($0.value) }
    }

    /// Base letters of U+0080…U+024F (Latin-1 Supplement and Latin Extended-A/B), computed
    /// once: decomposing per character is the slow part of folding accented text.
    private static let latinTableStart: UInt32 = 0x80
    private static let latinBase: [Unicode.Scalar?] = (latinTableStart...0x024F).map { value in
        Unicode.Scalar(value).flatMap(decomposedBase)
    }

    /// Folded words: runs of letters and digits; everything else separates words.
    /// `N° de facture:` → `["n", "de", "facture"]`, `Btw-nr.` → `["btw", "nr"]`.
    static func words(_ text: String) -> [String] {
        // ASCII text is lower-cased word by word on its bytes: `fold` would copy it first.
        if isASCII(text.utf8) { return asciiWords(text.utf8) }
        let folded = fold(text)
        if isASCII(folded.utf8) { return asciiWords(folded.utf8) }
        var result: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if isAlphanumeric(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "#" {
                // `Invoice #` must not read as the title `Invoice`.
                if !current.isEmpty { result.append(current); current = "" }
                result.append("#")
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// `words` for ASCII text, on bytes, lower-casing as it goes: most page text is ASCII, and
    /// appending scalars one by one to a String was most of the cost of folding it.
    private static func asciiWords(_ bytes: String.UTF8View) -> [String] {
        var result: [String] = []
        result.reserveCapacity(4)
        var start: String.UTF8View.Index?
        var hasUppercase = false
        var index = bytes.startIndex
        func flush() {
            guard let s = start else { return }
            let word = bytes[s..<index]
            result.append(hasUppercase ? String(decoding: word.map(asciiLowercased), as: UTF8.self) : String(decoding: word, as: UTF8.self))
            start = nil
            hasUppercase = false
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if isASCIIAlphanumeric(byte) {
                if start == nil { start = index }
                if byte <= 0x5A && byte >= 0x41 { hasUppercase = true }
            } else {
                flush()
                if byte == UInt8(ascii: "#") { result.append("#") }
            }
            bytes.formIndex(after: &index)
        }
        flush()
        return result
    }

    /// Whether every byte is ASCII, so that byte-level code answers as the Unicode-aware code.
    static func isASCII<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }

    static func containsASCIIUppercase<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        for byte in bytes where (0x41...0x5A).contains(byte) { return true }
        return false
    }

    /// `A`…`Z` to `a`…`z`; every other byte unchanged (as `lowercased()` does for ASCII).
    static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    /// ASCII bytes lower-cased, as a String (`lowercased()` of ASCII text).
    static func asciiLowercased<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        containsASCIIUppercase(bytes) ? String(decoding: bytes.map(asciiLowercased), as: UTF8.self) : String(decoding: bytes, as: UTF8.self)
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }
}

import Foundation
