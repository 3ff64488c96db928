/// Document-wide conventions read before any field: how numeric dates are ordered and which
/// character separates decimals. Both come from evidence on the page (a date like `25/03`
/// proves day-first), then from context (US documents — dollar amounts, US addresses, Letter
/// paper — write month first).
struct DocumentContext: Sendable {
    var dateOrder: DateOrder
    var decimalSeparator: DecimalSeparator?

    init(layout: DocumentLayout) {
        var dayFirstVotes = 0, monthFirstVotes = 0
        var commaDecimals = 0, pointDecimals = 0
        var dollars = false, usAddress = false
        for ref in layout.allCells {
            let text = layout[ref].text
            dollars = dollars || text.utf8.contains(UInt8(ascii: "$")) || text.containsBytes("USD")
            usAddress = usAddress || Self.looksLikeUSAddress(text)
            guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { continue }
            switch DateParser.provenOrder(in: text) {
            case .dayFirst?: dayFirstVotes += 1
            case .monthFirst?: monthFirstVotes += 1
            case nil: break
            }
            let decimals = Self.decimalMarks(in: text)
            commaDecimals += decimals.comma
            pointDecimals += decimals.point
        }
        let letterPaper = layout.pages.first.map { abs($0.width - 612) < 2 && abs($0.height - 792) < 2 } ?? false
        if dayFirstVotes != monthFirstVotes {
            dateOrder = dayFirstVotes > monthFirstVotes ? .dayFirst : .monthFirst
        } else {
            // `$` amounts plus a US address or Letter paper; `$` alone is shared by many countries.
            dateOrder = dollars && (usAddress || letterPaper) ? .monthFirst : .dayFirst
        }
        if commaDecimals != pointDecimals {
            decimalSeparator = commaDecimals > pointDecimals ? .comma : .point
        }
    }

    /// Counts `d,dd` and `d.dd` endings of numbers: the decimal mark in use.
    private static func decimalMarks(in text: String) -> (comma: Int, point: Int) {
        // Only ASCII digits and marks count: one byte per character, anything else a stop.
        // ASCII text is read as bytes, sparing grapheme breaking.
        let chars = text.utf8.allSatisfy({ $0 < 0x80 }) ? Array(text.utf8) : text.map { $0.asciiValue ?? 0xFF }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        let comma = UInt8(ascii: ","), point = UInt8(ascii: ".")
        var commas = 0, points = 0
        var i = 1
        while i + 2 < chars.count {
            if (chars[i] == comma || chars[i] == point), isDigit(chars[i - 1]), isDigit(chars[i + 1]),
               isDigit(chars[i + 2]), i + 3 == chars.count || !isDigit(chars[i + 3]) && chars[i + 3] != point && chars[i + 3] != comma {
                if chars[i] == comma { commas += 1 } else { points += 1 }
            }
            i += 1
        }
        return (commas, points)
    }

    /// `USA` / `United States`, or a `City, ST 12345` line.
    private static func looksLikeUSAddress(_ text: String) -> Bool {
        if text.containsBytes("USA") || text.containsBytes("United States") || text.containsBytes("U.S.A.") { return true }
        // `City, ST 12345` needs a comma and a space; most cells have neither, and skip
        // splitting into Characters.
        guard text.containsBytes(", ") else { return false }
        let chars = Array(text)
        guard chars.count >= 10 else { return false }
        for i in 0...(chars.count - 10) where chars[i] == "," && chars[i + 1] == " " {
            if chars[i + 2].isUppercase, chars[i + 3].isUppercase, chars[i + 4] == " ",
               chars[(i + 5)..<(i + 10)].allSatisfy(\.isASCIIDigit) { return true }
        }
        return false
    }
}
