/// A money amount read from text, with the currency printed next to it, if any.
public struct ParsedAmount: Sendable, Equatable {
    public var value: Money
    public var currency: String?
    /// The characters the amount was read from (digits, separators, sign, currency).
    public var matchedText: String

    /// Printed as money: with a decimal mark or a currency. A bare `14` or a postcode is not.
    public var looksLikeMoney: Bool {
        currency != nil || matchedText.contains(",") || matchedText.contains(".")
    }
}

/// Reads amounts in the forms invoices print: `1,234.56`, `1.234,56`, `1 234,56` (also with
/// U+00A0 / U+202F as group separator), `1'234.56`, `-1.234,56`, `(1,234.56)`, `1.234,56-`,
/// with a currency symbol or ISO code before or after (`€ 1.234,56`, `1 234,56 kr`, `GBP 12.00`).
public enum AmountParser {
    /// Every amount found in `text`, left to right. Numbers that are clearly not amounts
    /// (percentages such as `19 %`, dates, bad digit grouping) are skipped.
    /// `hint` decides lone `1.234` / `1,234`; without it a three-digit tail is read as grouping.
    public static func amounts(in text: String, hint: DecimalSeparator? = nil) -> [ParsedAmount] {
        // Every amount starts at an ASCII digit: text without one needs no Characters.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [] }
        let chars = Array(text)
        var results: [ParsedAmount] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCIIDigit else { i += 1; continue }
            // A run of digits and the separators that may sit between them.
            var end = i
            var j = i
            while j < chars.count {
                let c = chars[j]
                if c.isASCIIDigit { end = j; j += 1; continue }
                if isSeparator(c), j + 1 < chars.count, chars[j + 1].isASCIIDigit,
                   j > 0, chars[j - 1].isASCIIDigit { j += 1; continue }
                break
            }
            let start = i
            i = end + 1
            // Skip numbers glued to letters or other numbers' punctuation (ids, dates, `A-1234`).
            // `EUR1,234.56` is glued to a currency code, not to an id's letters.
            let gluedToCurrency = start > 0 && chars[start - 1].isLetter && currencyBefore(chars, at: start).0 != nil
            if start > 0, !gluedToCurrency,
               chars[start - 1].isLetter || chars[start - 1] == "/" || chars[start - 1] == "-" && start > 1 && chars[start - 2].isLetterOrDigit { continue }
            if i < chars.count, chars[i].isLetter && !isCurrencyLetterStart(chars, at: i) { continue }
            if i < chars.count, chars[i] == "/" || chars[i] == "-" && i + 1 < chars.count && chars[i + 1].isASCIIDigit { continue }
            if followedByPercent(chars, from: i) { continue }
            let run = String(joining: chars[start...end])
            guard var cents = readNumber(run, hint: hint) else { continue }
            // Sign and currency around the number.
            var before = start
            var after = i
            var currency: String?
            let (prefixCurrency, prefixStart) = currencyBefore(chars, at: start)
            if let prefixCurrency { currency = prefixCurrency; before = prefixStart }
            var (suffixCurrency, suffixEnd) = currencyAfter(chars, at: i)
            // Swedish whole-crown notation `1 234:-`.
            if suffixCurrency == nil, i + 1 < chars.count, chars[i] == ":", chars[i + 1] == "-" {
                suffixCurrency = "SEK"
                suffixEnd = i + 2
            }
            if let suffixCurrency, currency == nil { currency = suffixCurrency; after = suffixEnd }
            var negative = false
            var k = before - 1
            while k >= 0, chars[k] == " " { k -= 1 }
            if k >= 0, chars[k] == "-" || chars[k] == "\u{2212}" || chars[k] == "(" {
                negative = true; before = k
            } else if after < chars.count, chars[after] == "-" || chars[after] == "\u{2212}" {
                negative = after + 1 >= chars.count || !chars[after + 1].isASCIIDigit
                if negative { after += 1 }
            }
            if negative { cents = -cents }
            results.append(ParsedAmount(value: Money(cents: cents), currency: currency,
                                        matchedText: String(joining: chars[before..<min(after, chars.count)])))
        }
        return results
    }

    /// The single amount `text` holds, or nil when it holds none or several.
    public static func amount(_ text: String, hint: DecimalSeparator? = nil) -> ParsedAmount? {
        let found = amounts(in: text, hint: hint)
        return found.count == 1 ? found[0] : nil
    }

    /// Parses digits with grouping and decimal separators into cents; nil for a malformed number.
    static func readNumber(_ run: String, hint: DecimalSeparator?) -> Int64? {
        // Split into digit groups and the separators between them.
        var groups: [String] = [""]
        var separators: [Character] = []
        for c in run {
            if c.isASCIIDigit { groups[groups.count - 1].append(c) } else {
                separators.append(c == "\u{00A0}" || c == "\u{202F}" || c == "\u{2009}" ? " " : c)
                groups.append("")
            }
        }
        var integerGroups = groups
        var fraction = ""
        if let last = separators.last, last == "." || last == "," {
            let tail = groups[groups.count - 1]
            let markUsedBefore = separators.dropLast().contains(last)
            switch tail.count {
            case 1...2 where !markUsedBefore:
                fraction = tail
            case 3 where !markUsedBefore && separators.count == 1 && hint != nil:
                // A lone `1.234`: grouping or three decimals, as the document writes numbers.
                if (hint == .point) == (last == ".") { return nil }   // three decimals: not money
            case 3:
                break   // grouping
            default:
                return nil
            }
            if !fraction.isEmpty {
                integerGroups.removeLast()
                separators.removeLast()
            }
        }
        // Grouping: one kind of separator, groups of three after the first (1-3 digits).
        if !separators.isEmpty {
            let kind = separators[0]
            guard separators.allSatisfy({ $0 == kind }) else { return nil }
            guard (1...3).contains(integerGroups[0].count),
                  integerGroups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = integerGroups.joined()
        guard !digits.isEmpty, digits.count <= 15, let whole = Int64(digits) else { return nil }
        let cents = fraction.isEmpty ? 0 : (Int64(fraction)! * (fraction.count == 1 ? 10 : 1))
        return whole * 100 + cents
    }

    private static func isSeparator(_ c: Character) -> Bool {
        c == "." || c == "," || c == "'" || c == "’" || c == " " || c == "\u{00A0}" || c == "\u{202F}" || c == "\u{2009}"
    }

    private static func followedByPercent(_ chars: [Character], from index: Int) -> Bool {
        var k = index
        while k < chars.count, chars[k] == " " || chars[k] == "\u{00A0}" { k += 1 }
        return k < chars.count && chars[k] == "%"
    }

    private static func isCurrencyLetterStart(_ chars: [Character], at index: Int) -> Bool {
        currencyAfter(chars, at: index).0 != nil
    }

    /// A currency symbol or code ending just before `index` (spaces allowed between).
    private static func currencyBefore(_ chars: [Character], at index: Int) -> (String?, Int) {
        var k = index - 1
        while k >= 0, chars[k] == " " || chars[k] == "\u{00A0}" { k -= 1 }
        guard k >= 0 else { return (nil, index) }
        if let code = CurrencyLexicon.code(forSymbol: chars[k]) { return (code, k) }
        // A word of letters ending at k.
        var s = k
        while s > 0, chars[s - 1].isLetter { s -= 1 }
        guard s <= k, chars[s...k].allSatisfy(\.isLetter) else { return (nil, index) }
        if let code = CurrencyLexicon.code(forWord: String(joining: chars[s...k])) { return (code, s) }
        return (nil, index)
    }

    /// A currency symbol or code starting at `index` (spaces allowed before).
    private static func currencyAfter(_ chars: [Character], at index: Int) -> (String?, Int) {
        var k = index
        while k < chars.count, chars[k] == " " || chars[k] == "\u{00A0}" { k += 1 }
        guard k < chars.count else { return (nil, index) }
        if let code = CurrencyLexicon.code(forSymbol: chars[k]) { return (code, k + 1) }
        var e = k
        while e < chars.count, chars[e].isLetter { e += 1 }
        guard e > k, e == chars.count || !chars[e].isLetterOrDigit else { return (nil, index) }
        if let code = CurrencyLexicon.code(forWord: String(joining: chars[k..<e])) {
            if e < chars.count, chars[e] == "." { e += 1 }   // `kr.`
            return (code, e)
        }
        return (nil, index)
    }
}

extension String {
    /// Characters joined into a string through their UTF-8 bytes, the same text as
    /// `String(characters)`, which appends one grapheme at a time and cost more than the
    /// parsing around it.
    init<C: Collection>(joining characters: C) where C.Element == Character {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count)
        for character in characters { bytes.append(contentsOf: character.utf8) }
        self = String(decoding: bytes, as: UTF8.self)
    }
}

extension Character {
    // ASCII answers from the byte: the Unicode property lookups behind `isNumber` and
    // `isLetter` were a noticeable share of parsing every cell.
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
    var isLetterOrDigit: Bool {
        if let ascii = asciiValue { return TextFolding.isASCIIAlphanumeric(ascii) }
        return isLetter || isNumber
    }
}
