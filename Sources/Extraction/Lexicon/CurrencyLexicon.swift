/// Currency symbols and codes as invoices print them, mapped to ISO 4217.
enum CurrencyLexicon {
    /// ISO codes accepted when printed as a word next to an amount or in a column header.
    static let isoCodes: Set<String> = [
        "EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "BGN",
        "HRK", "TRY", "JPY", "CNY", "CAD", "AUD", "NZD", "HKD", "SGD", "ZAR", "INR", "BRL", "MXN",
    ]

    /// Single-character symbols. `$` is the US dollar unless a code says otherwise (`CA$`, `A$` are
    /// not distinguished: the document's ISO code, when printed, wins over the symbol).
    static let symbols: [Character: String] = [
        "€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY",
    ]

    static func code(forSymbol c: Character) -> String? { symbols[c] }

    /// The same for one scalar, without making a Character of every punctuation mark and digit.
    static func code(forSymbol scalar: Unicode.Scalar) -> String? { symbolScalars[scalar] }

    private static let symbolScalars: [Unicode.Scalar: String] = Dictionary(uniqueKeysWithValues: symbols.compactMap { symbol, code in
        symbol.unicodeScalars.count == 1 ? (symbol.unicodeScalars.first!, code) : nil
    })

    /// The currency of a country (ISO 3166 alpha-2, as IBANs and VAT ids start), for a
    /// document that prints no symbol or code at all.
    static func code(forCountry country: String) -> String? {
        if euroCountries.contains(country) { return "EUR" }
        return nationalCurrencies[country]
    }

    private static let euroCountries: Set<String> = [
        "AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "EL", "HR", "IE", "IT", "LT", "LU", "LV", "MT", "NL",
        "PT", "SI", "SK", "MC", "SM", "VA", "AD",
    ]
    private static let nationalCurrencies: [String: String] = [
        "SE": "SEK", "GB": "GBP", "CH": "CHF", "LI": "CHF", "DK": "DKK", "NO": "NOK", "PL": "PLN", "CZ": "CZK",
        "HU": "HUF", "RO": "RON", "BG": "BGN", "IS": "ISK", "US": "USD",
    ]

    /// The ISO code for a word printed beside an amount (`EUR`, `kr`, `SEK`); case matters for
    /// codes (upper case) to avoid reading ordinary words as currencies.
    static func code(forWord word: String) -> String? {
        if word.count == 3, word == word.uppercased(), isoCodes.contains(word) { return word }
        // Scandinavian crowns: Swedish unless the document shows it is Danish or Norwegian
        // (see `CurrencyResolver`).
        if word == "kr" || word == "Kr" || word == "KR" { return "SEK" }
        if word.lowercased() == "euro" || word.lowercased() == "euros" { return "EUR" }
        if word == "zł" || word == "zl" || word == "Zł" { return "PLN" }
        if word == "Kč" { return "CZK" }
        return nil
    }
}
