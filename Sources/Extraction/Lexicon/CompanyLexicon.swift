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
        // pt, pl (`Sp. z o.o.` joins into `spzoo`)
        "lda", "spzoo",
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

    /// Country names (folded) as the last line of an address, in the seven languages: never a
    /// party's name.
    static let countries: Set<String> = [
        "germany", "deutschland", "allemagne", "duitsland", "tyskland", "alemania", "germania",
        "austria", "osterreich", "autriche", "oostenrijk", "osterrike",
        "switzerland", "schweiz", "suisse", "zwitserland", "suiza", "svizzera",
        "france", "frankreich", "frankrijk", "frankrike", "francia",
        "belgium", "belgien", "belgique", "belgie", "belgica", "belgio",
        "netherlands", "the netherlands", "niederlande", "pays bas", "nederland", "nederlanderna", "paises bajos", "paesi bassi",
        "luxembourg", "luxemburg", "lussemburgo",
        "sweden", "schweden", "suede", "zweden", "sverige", "suecia", "svezia",
        "norway", "norwegen", "norvege", "noorwegen", "norge", "noruega", "norvegia",
        "denmark", "danemark", "denemarken", "danmark", "dinamarca", "danimarca", "danemark",
        "finland", "finnland", "finlande", "finlandia", "suomi",
        "spain", "spanien", "espagne", "spanje", "espana", "spagna",
        "portugal", "portogallo",
        "italy", "italien", "italie", "italie", "italia",
        "ireland", "irland", "irlande", "ierland", "irlanda", "eire",
        "united kingdom", "uk", "great britain", "england", "scotland", "wales", "vereinigtes konigreich", "royaume uni",
        "verenigd koninkrijk", "storbritannien", "reino unido", "regno unito",
        "poland", "polen", "pologne", "polonia", "czech republic", "czechia", "tschechien",
        "united states", "usa", "us", "united states of america", "vereinigte staaten", "etats unis", "verenigde staten",
        "usa", "estados unidos", "stati uniti", "canada", "kanada",
    ]
}
