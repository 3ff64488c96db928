/// Word-level synonyms applied to both lexicon phrases and page text before labels are
/// compared, so that the lexicon need not list every spelling: `Invoice No.`, `Invoice #`,
/// `Invoice number`, `Rechnungs-Nr.`, `Rechnungsnummer`, `Fakturanummer` and `Facture n°` all
/// become `invoice no`; `Total excl. MwSt.` matches `Total excl. VAT`.
enum LabelSynonyms {
    /// Folded word → canonical word.
    static let canonical: [String: String] = {
        var table: [String: String] = [:]
        let groups: [String: [String]] = [
            "no": ["no", "nr", "nro", "nbr", "num", "number", "nummer", "numero", "n", "#", "nummern"],
            "vat": ["vat", "tax", "mwst", "ust", "tva", "btw", "iva", "moms", "gst", "hst", "mva"],
            "excl": ["excl", "exkl", "excluding", "exclusive", "exclusief", "exklusive", "exkl", "ex", "exc"],
            "incl": ["incl", "inkl", "including", "inclusive", "inclusief", "inklusive", "inc"],
            "invoice": ["invoice", "rechnung", "rechnungs", "facture", "factuur", "faktura", "factura", "fattura", "inv"],
            "date": ["date", "datum", "fecha", "data", "dated"],
            "ref": ["ref", "reference", "referenz", "referentie", "referens", "referencia", "riferimento", "rif"],
        ]
        for (canonical, words) in groups {
            for word in words { table[word] = canonical }
        }
        return table
    }()

    /// German, Dutch and Swedish write compounds (`Rechnungsnummer`, `Fakturadatum`); their
    /// number and date suffixes are split off so the compound matches the two-word form.
    static let compoundSuffixes = ["nummer", "nr", "datum"]

    /// Canonical words for folded words.
    static func canonicalize(_ words: [String]) -> [String] {
        var out: [String] = []
        for word in words {
            var stem = word
            var suffix: String?
            for candidate in compoundSuffixes where word.hasSuffix(candidate) && word.count >= candidate.count + 3 {
                stem = String(word.dropLast(candidate.count))
                suffix = candidate
                break
            }
            out.append(canonical[stem] ?? stem)
            if let suffix { out.append(canonical[suffix] ?? suffix) }
        }
        return out
    }
}
