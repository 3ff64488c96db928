/// A calendar date as printed on an invoice (no time zone: invoice dates are civil dates).
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2199).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }
    /// ISO 8601: `2024-03-05`.
    public var description: String {
        "\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }
    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Whether a numeric date `05/03/2024` puts the day or the month first.
public enum DateOrder: Sendable, Equatable { case dayFirst, monthFirst }

/// One date read from text.
public struct ParsedDate: Sendable, Equatable {
    public var date: CivilDate
    /// True when the numeric form could be read both ways (`05/03/2024`) and `order` decided.
    public var wasAmbiguous: Bool
}

/// Reads dates in numeric (`2024-03-05`, `05.03.2024`, `05/03/2024`, `03/05/2024`, `05-03-2024`,
/// `5.3.24`) and written forms (`5 March 2024`, `March 5, 2024`, `5. März 2024`, `1er mars 2024`,
/// `5 de marzo de 2024`, `5-Mar-2024`) in en/de/fr/nl/sv/es/it.
public enum DateParser {
    /// Every date in `text`, left to right. `order` resolves numeric dates that could be read
    /// either way; a numeric date with a part over 12 is read the only way it can be.
    public static func dates(in text: String, order: DateOrder = .dayFirst) -> [ParsedDate] {
        let tokens = tokenize(text)
        var results: [ParsedDate] = []
        var i = 0
        while i < tokens.count {
            if let (date, used) = numericDate(tokens, at: i, order: order)
                ?? writtenDate(tokens, at: i) {
                results.append(date)
                i += used
            } else {
                i += 1
            }
        }
        return results
    }

    /// The first date in `text`.
    public static func date(_ text: String, order: DateOrder = .dayFirst) -> ParsedDate? {
        dates(in: text, order: order).first
    }

    /// The day/month order a numeric date's parts prove: `25/03/2024` is day-first,
    /// `03/25/2024` month-first, `05/03/2024` proves nothing. ISO `yyyy-mm-dd` proves nothing.
    public static func provenOrder(in text: String) -> DateOrder? {
        // Three parts need two separators; most cells with digits (amounts, ids) have fewer,
        // and skip tokenising. Folding maps nothing to `.`, `/` or `-`.
        guard text.utf8.lazy.filter({ $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") }).count >= 2
        else { return nil }
        for case .numeric(let parts, _) in tokenize(text) where parts.count == 3 && parts[2].count == 4 {
            guard let a = Int(parts[0]), let b = Int(parts[1]) else { continue }
            if a > 12, b <= 12 { return .dayFirst }
            if b > 12, a <= 12 { return .monthFirst }
        }
        return nil
    }

    // MARK: Tokens

    private enum Token {
        /// Digits with one kind of separator between: `05.03.2024` → ["05", "03", "2024"].
        case numeric([String], Character?)
        case word(String)
    }

    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(TextFolding.fold(text))
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isASCIIDigit {
                var parts = [""]
                var separator: Character?
                while i < chars.count {
                    let d = chars[i]
                    if d.isASCIIDigit { parts[parts.count - 1].append(d); i += 1; continue }
                    if (d == "." || d == "/" || d == "-"), i + 1 < chars.count, chars[i + 1].isASCIIDigit,
                       separator == nil || separator == d, parts.count < 3 {
                        separator = d; parts.append(""); i += 1; continue
                    }
                    break
                }
                tokens.append(.numeric(parts, separator))
            } else if c.isLetter {
                var word = ""
                while i < chars.count, chars[i].isLetter { word.append(chars[i]); i += 1 }
                tokens.append(.word(word))
            } else {
                i += 1
            }
        }
        return tokens
    }

    // MARK: Numeric dates

    private static func numericDate(_ tokens: [Token], at i: Int, order: DateOrder) -> (ParsedDate, Int)? {
        guard case .numeric(let parts, let separator) = tokens[i], parts.count == 3, separator != nil else { return nil }
        let lengths = parts.map(\.count)
        let n = parts.compactMap { Int($0) }
        guard n.count == 3 else { return nil }
        if lengths[0] == 4 {   // yyyy-mm-dd (never yyyy-dd-mm in practice)
            guard lengths[1] <= 2, lengths[2] <= 2, let d = CivilDate(year: n[0], month: n[1], day: n[2]) else { return nil }
            return (ParsedDate(date: d, wasAmbiguous: false), 1)
        }
        guard lengths[0] <= 2, lengths[1] <= 2, lengths[2] == 4 || lengths[2] == 2 else { return nil }
        // Two-digit years only with dots or slashes (a `12-34-56` is more likely an id).
        if lengths[2] == 2, separator == "-" { return nil }
        let year = lengths[2] == 4 ? n[2] : 2000 + n[2]
        let dayFirst = CivilDate(year: year, month: n[1], day: n[0])
        let monthFirst = CivilDate(year: year, month: n[0], day: n[1])
        switch (dayFirst, monthFirst) {
        case let (d?, m?):
            let ambiguous = d != m
            return (ParsedDate(date: order == .dayFirst ? d : m, wasAmbiguous: ambiguous), 1)
        case let (d?, nil): return (ParsedDate(date: d, wasAmbiguous: false), 1)
        case let (nil, m?): return (ParsedDate(date: m, wasAmbiguous: false), 1)
        default: return nil
        }
    }

    // MARK: Written dates

    /// Words skipped between the parts of a written date: `5 de marzo de 2024`, `1er mars`,
    /// `March 5th, 2024`, `le 5 mars 2024`, `den 5 mars 2024`.
    private static let fillers: Set<String> = ["de", "del", "er", "st", "nd", "rd", "th", "den", "of"]

    private static func writtenDate(_ tokens: [Token], at i: Int) -> (ParsedDate, Int)? {
        // Collect up to five meaningful tokens from i (fillers skipped, they count as used).
        var items: [(Token, Int)] = []   // token and index after it
        var k = i
        while k < tokens.count, items.count < 3, k < i + 7 {
            if case .word(let w) = tokens[k], fillers.contains(w), !items.isEmpty { k += 1; continue }
            items.append((tokens[k], k + 1))
            k += 1
        }
        guard items.count == 3 else { return nil }
        func number(_ t: Token) -> (Int, Int)? {
            if case .numeric(let p, _) = t, p.count == 1, let v = Int(p[0]) { return (v, p[0].count) }
            return nil
        }
        func month(_ t: Token) -> Int? {
            if case .word(let w) = t { return MonthNames.month(for: w) }
            return nil
        }
        // A four-digit year, or two digits (`05-Mar-24`) read as 20yy.
        func year(_ t: Token) -> Int? {
            guard let (value, length) = number(t) else { return nil }
            return length == 4 ? value : length == 2 ? 2000 + value : nil
        }
        // day month year
        if let (day, dl) = number(items[0].0), dl <= 2, let m = month(items[1].0),
           let y = year(items[2].0), let d = CivilDate(year: y, month: m, day: day) {
            return (ParsedDate(date: d, wasAmbiguous: false), items[2].1 - i)
        }
        // month day year
        if let m = month(items[0].0), let (day, dl) = number(items[1].0), dl <= 2,
           let y = year(items[2].0), let d = CivilDate(year: y, month: m, day: day) {
            return (ParsedDate(date: d, wasAmbiguous: false), items[2].1 - i)
        }
        return nil
    }
}
