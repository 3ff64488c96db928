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
        var out: [String] = []
        out.reserveCapacity(words.count)
        forEachCanonical(words) { word, _ in out.append(word) }
        return out
    }

    /// The same, carrying a payload per word (the matcher's text ranges): joined words merge
    /// their payloads, split words share theirs.
    static func canonicalize<Payload>(_ words: [(String, Payload)], merge: (Payload, Payload) -> Payload) -> [(String, Payload)] {
        var out: [(String, Payload)] = []
        out.reserveCapacity(words.count)
        forEachCanonical(words.lazy.map(\.0)) { word, sources in
            let payload = words[sources].dropFirst().reduce(words[sources.lowerBound].1) { merge($0, $1.1) }
            out.append((word, payload))
        }
        return out
    }

    /// Each canonical word in order, with the positions of the words it came from: one loop
    /// for both forms above, building no intermediate lists (they were much of the cost of
    /// building the label table).
    private static func forEachCanonical<Words: RandomAccessCollection<String>>(_ words: Words, _ emit: (String, Range<Int>) -> Void)
    where Words.Index == Int {
        var start = words.startIndex
        while start < words.endIndex {
            var end = start + 1
            var word = words[start]
            if isSingleLetter(word) {
                while end < words.endIndex, isSingleLetter(words[end]) {
                    word += words[end]
                    end += 1
                }
            }
            let (stem, suffix) = splitCompound(word)
            emit(canonical[stem] ?? stem, start..<end)
            if let suffix { emit(canonical[suffix] ?? suffix, start..<end) }
            start = end
        }
    }

    /// `canonicalize(words).first`, without building the whole list: the matcher asks it of
    /// every cell's first words to rule out values.
    static func firstCanonical<Words: Collection<String>>(of words: Words) -> String? {
        guard let first = words.first else { return nil }
        var word = first
        if isSingleLetter(first) {
            // A run of single letters joins into one word (`N.I.F.` → `nif`).
            word = ""
            for letter in words {
                guard isSingleLetter(letter) else { break }
                word += letter
            }
        }
        let stem = splitCompound(word).stem
        return canonical[stem] ?? stem
    }

    /// A word of one letter (`N` of `N.I.F.`).
    static func isSingleLetter(_ word: String) -> Bool {
        // Bytes first: a one-byte word is one Character, and a word starting with two ASCII
        // bytes other than CR LF holds two Characters at least (no ASCII scalar joins another).
        let bytes = word.utf8
        if bytes.count == 1 { return isASCIILetter(bytes.first!) }
        var iterator = bytes.makeIterator()
        if let a = iterator.next(), let b = iterator.next(), a < 0x80, b < 0x80, a != 0x0D { return false }
        return word.count == 1 && word.first?.isLetter == true
    }

    /// The compound's stem and its number/date/amount suffix (`rechnungsnummer` →
    /// `rechnungs` + `nummer`); the word itself and nil when no suffix applies.
    static func splitCompound(_ word: String) -> (stem: String, suffix: String?) {
        // Bytes first: a word ending in a suffix as Characters ends in its bytes too, with at
        // least as many bytes as Characters, so no byte match means no match at all.
        let bytes = word.utf8
        guard let index = compoundSuffixBytes.firstIndex(where: { bytes.count >= $0.count + 3 && endsWith(bytes, $0) }) else {
            return (word, nil)
        }
        // In printable ASCII each byte is one Character (no `\r\n` pair, no combining mark):
        // the byte match is the answer. Other text takes the Character rules.
        if isPrintableASCII(word) {
            return (String(decoding: bytes.dropLast(compoundSuffixBytes[index].count), as: UTF8.self), compoundSuffixes[index])
        }
        for candidate in compoundSuffixes where word.hasSuffix(candidate) && word.count >= candidate.count + 3 {
            return (String(word.dropLast(candidate.count)), candidate)
        }
        return (word, nil)
    }

    private static func endsWith(_ bytes: String.UTF8View, _ suffix: [UInt8]) -> Bool {
        var index = bytes.endIndex
        for byte in suffix.reversed() {
            guard index > bytes.startIndex else { return false }
            bytes.formIndex(before: &index)
            if bytes[index] != byte { return false }
        }
        return true
    }

    private static func isPrintableASCII(_ word: String) -> Bool {
        word.utf8.allSatisfy { (0x20..<0x7F).contains($0) }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static let compoundSuffixBytes: [[UInt8]] = compoundSuffixes.map { Array($0.utf8) }
}
