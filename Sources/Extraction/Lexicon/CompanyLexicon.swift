/// Legal-form suffixes of company names (folded words): a line ending in one is very likely a
/// party's name rather than an address line or a slogan.
enum CompanyLexicon {
    static let legalForms: Set<String> = [
        // en
        "ltd", "limited", "plc", "llp", "llc", "inc", "corp", "corporation", "co", "company", "dac", "lp", "pllc", "pty",
        // de / at / ch
        "gmbh", "ag", "kg", "ohg", "og", "ug", "gbr", "ek", "kgaa", "se", "mbh", "eg", "ev",
        // fr / be / lu
        "sa", "sas", "sarl", "sasu", "eurl", "sci", "snc", "scs", "srl", "sprl", "scrl", "bvba", "asbl",
        // nl / be
        "bv", "nv", "vof", "cv", "commv",
        // sv / nordics
        "ab", "hb", "kb", "publ", "aps", "as", "asa", "oy", "oyj",
        // es
        "sl", "slu", "sll", "sa", "sau", "scp", "sc", "coop",
        // it
        "spa", "srl", "srls", "sas", "snc", "sapa", "scarl",
    ]

    /// True when the folded words contain a legal form as a word, or spelled with dots
    /// (`S.L.`, `S.p.A.`, `B.V.`).
    static func hasLegalForm(_ text: String) -> Bool {
        let words = TextFolding.words(text)
        if words.contains(where: { legalForms.contains($0) }) && words.count >= 2 { return true }
        // Dotted forms fold into single letters: join trailing one-letter words.
        var letters = ""
        for word in words.reversed() {
            guard word.count <= 2 else { break }
            letters = word + letters
            if legalForms.contains(letters) && words.count > letters.count { return true }
        }
        return false
    }
}
