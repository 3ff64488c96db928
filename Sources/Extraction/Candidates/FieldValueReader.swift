/// Typed readers for the text a label points at. Each returns the canonical value and a
/// validity in (0, 1]: 1 when a check digit or strict format confirms it, lower when only the
/// shape fits.
enum FieldValueReader {
    /// An invoice or order number: the first token holding a digit, as printed (a leading `#`
    /// dropped). Dates, percentages and money amounts are not identifiers.
    static func identifier(_ text: String) -> (String, Double)? {
        var tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = tokens.first else { return nil }
        // A short letter prefix printed apart from the number (`BST 2024/77`, `INV 0042`).
        if tokens.count >= 2, (1...4).contains(first.count), first.allSatisfy({ $0.isUppercase }),
           tokens[1].first?.isASCIIDigit == true {
            tokens = [first + " " + tokens[1]] + tokens.dropFirst(2)
        }
        var token = tokens[0]
        if token.hasPrefix("#") { token.removeFirst() }
        while let last = token.last, last == "," || last == ";" || last == ")" || last == ":" { token.removeLast() }
        guard (2...32).contains(token.count), token.contains(where: \.isASCIIDigit),
              token.allSatisfy({ $0.isLetterOrDigit || "-/._ ".contains($0) }),
              !token.contains("%") else { return nil }
        if let date = DateParser.date(token), date.date.description.count == 10,
           token.filter(\.isASCIIDigit).count >= 6, token.count <= 10 { return nil }
        // `1.234,56` is an amount, not a number printed for reference.
        if token.contains(","), AmountParser.amount(token) != nil { return nil }
        let validity = tokens.count == 1 ? 1.0 : 0.85
        return (token, validity)
    }

    static func date(_ text: String, order: DateOrder) -> (CivilDate, Double)? {
        guard let parsed = DateParser.date(text, order: order) else { return nil }
        return (parsed.date, parsed.wasAmbiguous ? 0.9 : 1.0)
    }

    /// The amount a totals row ends with (`VAT 21 % 210,00` → 210,00).
    static func amount(_ text: String, hint: DecimalSeparator?) -> ParsedAmount? {
        guard let amount = AmountParser.amounts(in: text, hint: hint).last else { return nil }
        // `16 Mar 2024` under a `Tax date` header: the year is not an amount.
        if !amount.matchedText.contains(where: { $0 == "," || $0 == "." }), amount.currency == nil,
           DateParser.date(text) != nil { return nil }
        return amount
    }

    static func taxId(_ text: String, specificLabel: Bool) -> (ParsedTaxId, Double)? {
        // The id is the first one or two tokens (`DE 123 456 789` is four).
        let tokens = text.split(whereSeparator: \.isWhitespace)
        for count in stride(from: min(tokens.count, 5), through: 1, by: -1) {
            let candidate = tokens[..<count].joined(separator: " ")
            if let parsed = TaxIdParser.taxId(candidate, allowUnprefixed: specificLabel) {
                return (parsed, parsed.kind == .withoutPrefix ? 0.8 : 1.0)
            }
        }
        return nil
    }

    static func iban(_ text: String) -> String? { IBANValidator.ibans(in: text).first }

    static func bic(_ text: String) -> String? {
        guard let first = text.split(whereSeparator: \.isWhitespace).first else { return nil }
        return BICParser.normalized(String(first))
    }

    /// A payment reference with spaces removed: an RF reference or a Luhn-valid OCR number
    /// scores full; any other digit-bearing reference (`+++090/9337/55493+++`) scores lower.
    static func paymentReference(_ text: String) -> (String, Double)? {
        let compact = text.filter { !$0.isWhitespace }
        if let rf = CreditorReference.normalized(compact) { return (rf, 1.0) }
        if let ocr = SwedishGiro.ocrReference(compact) { return (ocr, 1.0) }
        if SwissQRReference.isValid(compact) { return (compact, 1.0) }
        // Cut at the first thing that is clearly not part of the reference.
        let tokens = text.split(whereSeparator: \.isWhitespace)
        var kept: [Substring] = []
        for token in tokens {
            guard token.allSatisfy({ $0.isLetterOrDigit || "+/-.".contains($0) }) else { break }
            kept.append(token)
        }
        let joined = kept.joined()
        guard (4...35).contains(joined.count), joined.filter(\.isASCIIDigit).count >= 4 else { return nil }
        if joined.uppercased().hasPrefix("RF") { return nil }   // an RF reference whose check fails
        return (joined, 0.5)
    }

    static func bankgiro(_ text: String) -> (String, Double)? {
        let tokens = text.split(whereSeparator: \.isWhitespace).prefix(2)
        for count in stride(from: tokens.count, through: 1, by: -1) {
            let candidate = tokens.prefix(count).joined(separator: " ")
            if let bg = SwedishGiro.bankgiro(candidate) { return (bg, 1.0) }
        }
        return nil
    }
}
