/// Month names and their usual abbreviations in en, de, fr, nl, sv, es, it, da, nb, pt — folded (lower
/// case, no accents) as `TextFolding.fold` produces them.
enum MonthNames {
    static let byLanguage: [[String]] = [
        // en
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
        // de (incl. Austrian Jänner/Feber)
        ["januar", "februar", "marz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
        // fr
        ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"],
        // nl
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        // sv
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
        // es
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        // it
        ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
        // da, nb
        ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"],
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"],
        // pt
        ["janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    ]

    /// Polish months, full forms only: as dates print them (genitive, `5 marca 2024`) and in
    /// the nominative. Their short prefixes (`sie`, `lut`) are ordinary words.
    static let polish: [[String]] = [
        ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "wrzesnia", "pazdziernika", "listopada", "grudnia"],
        ["styczen", "luty", "marzec", "kwiecien", "maj", "czerwiec", "lipiec", "sierpien", "wrzesien", "pazdziernik", "listopad", "grudzien"],
    ]

    /// Forms not derivable as prefixes of the full names.
    static let extraForms: [String: Int] = [
        "janner": 1, "feber": 2, "setiembre": 9, "sept": 9, "sep": 9, "mrt": 3, "okt": 10, "dez": 12,
        "juil": 7, "fevr": 2, "avr": 4, "dic": 12, "ago": 8, "ene": 1, "giu": 6, "lug": 7, "gen": 1,
        "set": 9, "ott": 10, "mag": 5, "maj": 5, "mei": 5, "mai": 5, "mar": 3, "mars": 3,
    ]

    private static let table: [String: Int] = {
        var t: [String: Int] = [:]
        for names in byLanguage {
            for (index, name) in names.enumerated() {
                t[name] = index + 1
                // Three- and four-letter abbreviations (`Mar`, `Sept`, `janv`, `févr` → `fevr`).
                for length in [3, 4] where name.count > length {
                    let abbreviation = String(name.prefix(length))
                    if t[abbreviation] == nil { t[abbreviation] = index + 1 }
                }
            }
        }
        for (form, month) in extraForms { t[form] = month }
        for names in polish {
            for (index, name) in names.enumerated() { t[name] = index + 1 }
        }
        return t
    }()

    /// The month number for a folded word, nil if it is not a month name.
    static func month(for foldedWord: String) -> Int? { table[foldedWord] }
}
