/// The invoice currency: the code or symbol printed with the totals, else the one printed
/// most often (column headers like `Amount (EUR)`, amounts in the line items). `kr` is read
/// as SEK unless the bank account or VAT id is Danish or Norwegian.
enum CurrencyResolver {
    static func resolve(layout: DocumentLayout, totals: [AmountCandidate], countryHints: [String])
        -> (code: String, confidence: Double, cell: CellRef)? {
        var votes: [String: Double] = [:]
        var origin: [String: CellRef] = [:]
        for c in totals {
            guard let code = c.currency else { continue }
            votes[code, default: 0] += 3
            origin[code] = origin[code] ?? c.cell
        }
        for ref in layout.allCells {
            let text = layout[ref].text
            for code in codes(in: text) {
                votes[code, default: 0] += 1
                origin[code] = origin[code] ?? ref
            }
        }
        guard let (code, vote) = votes.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }),
              let cell = origin[code] else { return nil }
        let share = vote / votes.values.reduce(0, +)
        var resolved = code
        // `$` is shared by many dollars: a printed CAD/AUD/… code says which one.
        if code == "USD", !layout.allCells.contains(where: { layout[$0].text.containsBytes("USD") }),
           let other = otherDollar(in: layout) {
            resolved = other
        }
        // `kr` and `SEK` both vote SEK; a Danish or Norwegian account says which crown it is.
        if code == "SEK", !layout.allCells.contains(where: { layout[$0].text.containsBytes("SEK") }) {
            if countryHints.contains("DK") { resolved = "DKK" } else if countryHints.contains("NO") { resolved = "NOK" }
        }
        return (resolved, min(0.98, 0.5 + 0.5 * share), cell)
    }

    private static let nonUSDollars = ["CAD", "AUD", "NZD", "HKD", "SGD", "MXN"]

    private static func otherDollar(in layout: DocumentLayout) -> String? {
        for ref in layout.allCells {
            let text = layout[ref].text
            if let code = nonUSDollars.first(where: { text.containsBytes($0) }) { return code }
        }
        return nil
    }

    /// ISO codes and symbols in a cell: `EUR`, `(EUR)`, `€`, `12,00 kr`.
    static func codes(in text: String) -> [String] {
        var found: [String] = []
        var word = ""
        func flush() {
            if (2...5).contains(word.unicodeScalars.count), let code = CurrencyLexicon.code(forWord: word) { found.append(code) }
            word = ""
        }
        // Scalars, not Characters: grapheme breaking is needless cost for symbols and codes.
        for scalar in text.unicodeScalars {
            // ASCII letters are the ASCII scalars that are Alphabetic; no property lookup for them.
            let alphabetic = scalar.isASCII ? ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
                                            : scalar.properties.isAlphabetic
            if alphabetic {
                word.unicodeScalars.append(scalar)
                continue
            }
            flush()
            if let code = CurrencyLexicon.code(forSymbol: scalar) { found.append(code) }
        }
        flush()
        return found
    }
}
