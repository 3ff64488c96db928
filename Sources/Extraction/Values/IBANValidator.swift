/// International Bank Account Numbers (ISO 13616): country length table plus the mod-97 check.
public enum IBANValidator {
    /// IBAN length per country (SWIFT IBAN registry).
    static let lengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
        "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
        "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
        "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
        "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
        "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18,
        "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
        "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
        "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
    ]

    /// The IBAN in canonical form (upper case, no spaces) if `text` is one with a valid check.
    public static func normalized(_ text: String) -> String? {
        let compact = String(text.uppercased().filter { !$0.isWhitespace && $0 != "-" })
        guard compact.count >= 15, compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              let expected = lengths[String(compact.prefix(2))], compact.count == expected,
              compact.dropFirst(2).prefix(2).allSatisfy(\.isASCIIDigit),
              CheckDigits.mod97IsValid(compact) else { return nil }
        return compact
    }

    /// The expected length for the country an IBAN-like text starts with.
    public static func expectedLength(of text: String) -> Int? {
        lengths[String(text.uppercased().prefix(2))]
    }

    /// Every valid IBAN written in `text`, also when printed in groups of four (`DE89 3704 …`).
    public static func ibans(in text: String) -> [String] {
        let tokens = text.uppercased().split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }).map(String.init)
        var found: [String] = []
        var i = 0
        while i < tokens.count {
            let head = tokens[i].filter { $0.isLetter || $0.isNumber }
            guard head.count >= 4, let expected = lengths[String(head.prefix(2))],
                  head.dropFirst(2).prefix(2).allSatisfy(\.isASCIIDigit) else { i += 1; continue }
            var candidate = head
            var j = i + 1
            while candidate.count < expected, j < tokens.count {
                candidate += tokens[j].filter { $0.isLetter || $0.isNumber }
                j += 1
            }
            if let iban = normalized(candidate) { found.append(iban); i = j } else { i += 1 }
        }
        return found
    }
}
