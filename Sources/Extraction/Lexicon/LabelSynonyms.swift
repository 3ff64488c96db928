/// Word-level synonyms applied to both lexicon phrases and page text before labels are
/// compared, so that the lexicon need not list every spelling: `Invoice No.`, `Invoice #`,
/// `Invoice number`, `Rechnungs-Nr.`, `Rechnungsnummer`, `Fakturanummer` and `Facture n°` all
/// become `invoice no`; `Total excl. MwSt.` matches `Total excl. VAT`.
enum LabelSynonyms {
    /// Folded word → canonical word.
    static let canonical: [String: String] = {
        var table: [String: String] = [:]
        let groups: [String: [String]] = [
            "no": ["no", "nr", "nro", "nbr", "num", "number", "nummer", "numero", "n", "#", "nummern", "numer"],
            "vat": ["vat", "tax", "mwst", "ust", "tva", "btw", "iva", "moms", "gst", "hst", "mva"],
            "excl": ["excl", "exkl", "excluding", "exclusive", "exclusief", "exklusive", "exkl", "ex", "exc", "ekskl", "eks"],
            "incl": ["incl", "inkl", "including", "inclusive", "inclusief", "inklusive", "inc"],
            "invoice": ["invoice", "rechnung", "rechnungs", "facture", "factuur", "faktura", "factura", "fattura", "inv", "fatura", "faktury"],
            "date": ["date", "datum", "fecha", "data", "dated", "dato"],
            "ref": ["ref", "reference", "referenz", "referentie", "referens", "referencia", "riferimento", "rif"],
        ]
        for (canonical, words) in groups {
            for word in words { table[word] = canonical }
        }
        return table
    }()

    /// German, Dutch and Swedish write compounds (`Rechnungsnummer`, `Fakturadatum`,
    /// `Gesamtbetrag`); their number, date and amount suffixes are split off so the compound
    /// matches the two-word form (`Gesamt-Betrag`).
    static let compoundSuffixes = ["nummer", "nr", "datum", "betrag", "summe", "bedrag", "belopp", "summa", "dato"]

    /// Canonical words for folded words. Dotted abbreviations (`I.V.A.`, `N.I.F.`, `T.T.C.`)
    /// arrive as single letters and are joined first.
    static func canonicalize(_ words: [String]) -> [String] {
        canonicalize(words.map { ($0, ()) }, merge: { _, _ in () }).map(\.0)
    }

    /// The same, carrying a payload per word (the matcher's text ranges): joined words merge
    /// their payloads, split words share theirs.
    static func canonicalize<Payload>(_ words: [(String, Payload)], merge: (Payload, Payload) -> Payload) -> [(String, Payload)] {
        var joined: [(String, Payload)] = []
        var letters: (String, Payload)?
        for (word, payload) in words {
            if word.count == 1, word.first?.isLetter == true {
                letters = letters.map { ($0.0 + word, merge($0.1, payload)) } ?? (word, payload)
                continue
            }
            if let pending = letters { joined.append(pending); letters = nil }
            joined.append((word, payload))
        }
        if let pending = letters { joined.append(pending) }
        var out: [(String, Payload)] = []
        for (word, payload) in joined {
            var stem = word
            var suffix: String?
            for candidate in compoundSuffixes where word.hasSuffix(candidate) && word.count >= candidate.count + 3 {
                stem = String(word.dropLast(candidate.count))
                suffix = candidate
                break
            }
            out.append((canonical[stem] ?? stem, payload))
            if let suffix { out.append((canonical[suffix] ?? suffix, payload)) }
        }
        return out
    }
}
