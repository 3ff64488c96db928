/// Whether a line of an address holds a postcode. Most countries print four or five digits
/// (`80331 München`, `211 22 Malmö`, `3511 AB Utrecht`, `Portland, OR 97204`); the UK, Ireland
/// and Canada use letter-digit codes with few digits (`Leeds LS1 4AP`, `Dublin 2, D02 X285`,
/// `Ottawa ON K1A 0B1`).
enum PostalCode {
    static func appears(in line: String) -> Bool {
        if line.filter(\.isASCIIDigit).count >= 4 { return true }
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{00A0}" }).map(String.init)
        for (first, second) in zip(tokens, tokens.dropFirst()) {
            if isOutwardCode(first) && isInwardCode(second) { return true }
        }
        return false
    }

    /// UK outward code (`LS1`, `SW1A`, `M1`), Irish routing key (`D02`, `T12`), Canadian FSA (`K1A`).
    private static func isOutwardCode(_ s: String) -> Bool {
        guard (2...4).contains(s.count), s.first?.isUppercase == true, s.first?.isASCII == true else { return false }
        return s.contains(where: \.isASCIIDigit) && s.allSatisfy { $0.isASCIIDigit || ($0.isUppercase && $0.isASCII) }
    }

    /// UK inward code (`4AP`: digit, two letters), Irish unique identifier (`X285`), Canadian LDU (`0B1`).
    private static func isInwardCode(_ s: String) -> Bool {
        let c = Array(s)
        guard c.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { return false }
        if c.count == 3 { return c[0].isNumber && (c[1].isLetter || c[1].isNumber) && (c[2].isLetter || c[2].isNumber) }
        return c.count == 4 && c.contains(where: \.isNumber) && c.contains(where: \.isLetter)
    }
}
