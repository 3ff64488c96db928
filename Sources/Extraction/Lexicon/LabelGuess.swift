/// Labels the lexicon does not list, recognised by their words: a payment or deadline word
/// (`due`, `fällig`, `échéance`, `vencimiento`, `frist`, `by`, `bis`, `avant`…) announces the due
/// date, a date word or an issuing verb (`Date of bill`, `Datum der Ausstellung`, `Created`) the
/// invoice date, a document word with a number word (`Bill #`, `Beleg-Nummer`) the invoice
/// number, an order word with a number word (`Client PO ref`, `Auftrag Nr.`) the buyer's order.
/// Only short, digit-free label text qualifies, and the guess is as weak as a generic label, so
/// a lexicon label always wins over it.
enum LabelGuess {
    static let strength = LabelMatcher.genericStrength

    /// Word starts (folded) that make a label the due date's.
    static let dueStems = ["due", "fallig", "pag", "regl", "echeance", "echu", "venc", "scad", "verval", "forf", "betal", "betaal", "zahl",
                           "payable", "pay", "settle", "remit", "deadline", "limit", "frist", "termin", "plat", "vto"]
    /// Prepositions that put a deadline on the date after them (`Settle by`, `Zahlung bis`).
    static let deadlineWords: Set<String> = ["by", "until", "till", "bis", "avant", "antes", "entro", "voor", "senast", "senest",
                                             "innen", "do", "before", "ate", "hasta", "tard"]
    /// Word starts that make a label the invoice date's besides a date word.
    static let issueStems = ["issu", "ausstell", "ausgestell", "emis", "emit", "utfard", "udsted", "utsted", "wystaw", "etabli", "creat", "erstell"]
    /// Words naming the document (with a number word: its number).
    static let documentStems = ["invoice", "bill", "document", "doc", "beleg", "piece", "nota", "rachunek", "bilag"]
    /// Word starts naming the buyer's order (with a number word: its reference).
    static let orderStems = ["order", "po", "bestell", "auftrag", "commande", "pedido", "ordine", "ordre", "encomenda", "zamow",
                             "requisi", "rekvi", "inkoop", "purchase", "bestilling"]
    /// Words of other identifiers: the customer's number, tax and bank ids, delivery papers.
    static let otherIdStems = ["customer", "client", "kunde", "kund", "klant", "account", "konto", "vat", "tax", "iban", "delivery",
                               "liefer", "livr", "lever", "quote", "offer", "angebot", "contract", "vertrag", "project", "page"]

    /// Words of other dates: a validity, a period, an order, a delivery, a printout.
    static let otherStems = ["valid", "gultig", "start", "begin", "end", "from", "period", "zeitraum", "order", "bestel", "commande",
                             "pedido", "deliver", "liefer", "livr", "lever", "entreg", "consegn", "ship", "versand", "envio", "print",
                             "druck", "birth", "expir", "quote", "offer", "angebot", "devis"]

    /// Word starts of amounts: gross, net, total; and of what is not a total.
    static let grossStems = ["incl", "ttc", "tvac", "brutto", "gross"]
    static let netStems = ["excl", "net", "ht", "htva", "iliquid", "imponib", "tributa", "grunnlag", "taxable"]
    /// `before` / `without` words that make a tax word mean the net (`Sum før mva`, `Kwota bez VAT`).
    static let withoutWords: Set<String> = ["before", "vor", "avant", "antes", "prima", "for", "fore", "pre", "without", "ohne",
                                            "sans", "sin", "sem", "senza", "zonder", "uten", "uden", "utan", "bez"]
    /// Words that, like a number word, make a label an identifier's (`Invoice ID`, `Order code`).
    static let identifierWords: Set<String> = ["no", "ref", "id", "code", "ident", "identifier", "kennung"]
    static let totalStems = ["total", "gesamt", "summ", "ogol", "razem", "importe", "montant", "bedrag", "belop", "belob", "valor", "importo"]
    static let paymentStems = ["pay", "betal", "zahl", "plat", "saldo", "saldar", "due", "payable", "pagar", "pagare", "payer"]
    static let otherAmountStems = ["discount", "rabat", "remise", "sconto", "descuento", "korting", "desconto", "deposit", "anzahl",
                                   "acompte", "paid", "bezahlt", "ship", "freight", "fracht", "versand", "porto", "round", "rund",
                                   "weight", "gewicht", "qty", "quant", "menge", "unit", "einzel", "price", "preis", "prix", "rate"]

    /// A guessed label for `text` (`Head: value` or a label cell alone), nil when its words name
    /// none of these fields. Like a lexicon label it may name several kinds (`Total at betale`:
    /// an amount to pay, or a due date); the value's type decides.
    static func guess(_ text: String) -> LabelMatch? {
        let (head, remainder, colon) = split(text)
        guard !head.contains(where: \.isNumber), head.contains(where: \.isLetter) else { return nil }
        let words = LabelSynonyms.canonicalize(TextFolding.words(head))
        guard (1...6).contains(words.count) else { return nil }
        // A number word makes it an identifier's label, known kind or not (`VAT no.`).
        let numbered = words.contains(where: identifierWords.contains)
        let kinds = numbered ? identifierKind(words).map { [$0] } ?? [] : [dateKind(words), amountKind(words)].compactMap { $0 }
        guard !kinds.isEmpty else { return nil }
        return LabelMatch(kinds: kinds, strength: strength, remainder: remainder, phrase: head, endsWithColon: colon)
    }

    /// Label text and value: at the first colon, or else where the value starts (the first
    /// word with a digit, or a month name before one: `Date raised Nov 9, 2024`).
    private static func split(_ text: String) -> (head: String, remainder: String, colon: Bool) {
        if let colon = text.firstIndex(of: ":") {
            return (String(text[..<colon]), String(text[text.index(after: colon)...]).trimmingWhitespace(), true)
        }
        let tokens = text.split(separator: " ")
        guard var start = tokens.firstIndex(where: { $0.contains(where: \.isNumber) }) else { return (text, "", false) }
        if start > 1, let word = TextFolding.words(String(tokens[start - 1])).first, MonthNames.month(for: word) != nil { start -= 1 }
        return (tokens[..<start].joined(separator: " "), tokens[start...].joined(separator: " "), false)
    }

    private static func has(_ words: [String], _ stems: [String]) -> Bool {
        words.contains { w in stems.contains { w.hasPrefix($0) } }
    }

    /// A number word with an order word (the buyer's order) or a document word (the invoice's).
    private static func identifierKind(_ words: [String]) -> LabelKind? {
        guard !words.contains("date") else { return nil }
        // `po` is a word, not a start (`position`, `postal`); an order word makes it the buyer's
        // order even beside `client` (`Client PO #`).
        if words.contains("po") || has(words, orderStems.filter { $0 != "po" }) { return .purchaseOrder }
        if has(words, documentStems), !has(words, otherIdStems) { return .invoiceNumber }
        return nil
    }

    private static func dateKind(_ words: [String]) -> LabelKind? {
        guard !has(words, otherStems) else { return nil }
        if words.contains(where: deadlineWords.contains) || has(words, dueStems) { return .dueDate }
        if words.contains("date") || has(words, issueStems) { return .invoiceDate }
        return nil
    }

    /// Gross words make a grand total, net words a subtotal, a tax word alone the tax; a
    /// total word with a payment word is what is due.
    private static func amountKind(_ words: [String]) -> LabelKind? {
        guard !words.contains("date"), !has(words, otherAmountStems) else { return nil }
        let payment = has(words, paymentStems)
        if has(words, grossStems) { return payment ? .amountDue : .grandTotal }
        // `before VAT`, `vor Steuer`, `sin IVA`, `bez VAT`, `Pre-tax`: the net.
        if has(words, netStems) || words.contains("vat") && words.contains(where: withoutWords.contains) {
            return .subtotal
        }
        if words.contains("vat") { return .taxTotal }
        if has(words, totalStems) { return payment ? .amountDue : .grandTotal }
        return nil
    }
}
