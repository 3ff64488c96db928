/// Date labels the lexicon does not list, recognised by their words: a payment or deadline word
/// (`due`, `fällig`, `échéance`, `vencimiento`, `frist`, `by`, `bis`, `avant`…) announces the due
/// date, a date word or an issuing verb (`Date of bill`, `Datum der Ausstellung`, `Created`) the
/// invoice date. Only short, digit-free label text qualifies, and the guess is as weak as a
/// generic label, so a lexicon label always wins over it.
enum DateLabelGuess {
    static let strength = LabelMatcher.genericStrength

    /// Word starts (folded) that make a label the due date's.
    static let dueStems = ["due", "fallig", "echeance", "echu", "venc", "scad", "verval", "forf", "betal", "betaal", "zahl",
                           "payable", "pay", "settle", "remit", "deadline", "limit", "frist", "termin", "plat", "vto"]
    /// Prepositions that put a deadline on the date after them (`Settle by`, `Zahlung bis`).
    static let deadlineWords: Set<String> = ["by", "until", "till", "bis", "avant", "antes", "entro", "voor", "senast", "senest",
                                             "innen", "do", "before"]
    /// Word starts that make a label the invoice date's besides a date word.
    static let issueStems = ["issu", "ausstell", "emis", "emit", "utfard", "udsted", "utsted", "wystaw", "etabli", "creat", "erstell"]
    /// Words of other dates: a validity, a period, an order, a delivery, a printout.
    static let otherStems = ["valid", "gultig", "start", "begin", "end", "from", "period", "zeitraum", "order", "bestel", "commande",
                             "pedido", "deliver", "liefer", "livr", "lever", "entreg", "consegn", "ship", "versand", "envio", "print",
                             "druck", "birth", "expir", "quote", "offer", "angebot", "devis"]

    /// A guessed label for `text` (`Head: value` or a label cell alone), nil when the words say
    /// nothing about dates.
    static func guess(_ text: String) -> LabelMatch? {
        let colon = text.firstIndex(of: ":")
        let head = colon.map { String(text[..<$0]) } ?? text
        guard !head.contains(where: \.isNumber), head.contains(where: \.isLetter) else { return nil }
        let words = LabelSynonyms.canonicalize(TextFolding.words(head))
        guard (1...5).contains(words.count),
              !words.contains(where: { w in otherStems.contains(where: { w.hasPrefix($0) }) }) else { return nil }
        let kind: LabelKind
        if words.contains(where: { w in deadlineWords.contains(w) || dueStems.contains(where: { w.hasPrefix($0) }) }) {
            kind = .dueDate
        } else if words.contains("date") || words.contains(where: { w in issueStems.contains(where: { w.hasPrefix($0) }) }) {
            kind = .invoiceDate
        } else {
            return nil
        }
        let remainder = colon.map { String(text[text.index(after: $0)...]).trimmingWhitespace() } ?? ""
        return LabelMatch(kinds: [kind], strength: strength, remainder: remainder, phrase: head, endsWithColon: colon != nil)
    }
}
