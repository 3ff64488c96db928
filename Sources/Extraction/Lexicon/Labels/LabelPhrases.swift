/// Label phrases for one label kind. `specific` phrases name the field unambiguously
/// (`Invoice number`, `Fälligkeitsdatum`); `generic` ones only suggest it (`Date`, `Total`,
/// `Reference`) and score lower. Phrases are written as printed; matching folds case, accents
/// and punctuation, so `Rechnungs-Nr.` covers `Rechnungs Nr`, `RECHNUNGS-NR:` and so on.
struct LabelPhrases {
    var specific: [String]
    var generic: [String] = []
}

/// The multilingual label lexicon (en, de, fr, nl, sv, es, it), one file per concern:
/// dates, amounts, identifiers, parties, distractors.
enum LabelLexicon {
    static var all: [LabelKind: LabelPhrases] {
        var table: [LabelKind: LabelPhrases] = [:]
        for part in [dateLabels, amountLabels, identifierLabels, titleLabels, partyLabels, distractorLabels] {
            table.merge(part) { a, b in LabelPhrases(specific: a.specific + b.specific, generic: a.generic + b.generic) }
        }
        addBuyerVariants(to: &table)
        return table
    }

    /// Words that make a label the buyer's: `Your`/`Ihre`/`Votre`/`Uw`/`Er`/`Su`/`Vostro` before
    /// it, or `customer`/`Kunde`/`client`/`klant`/`kund`/`cliente` after it.
    static let buyerPossessives = ["Your", "Ihre", "Ihr", "Votre", "Vos", "Uw", "Er", "Ert", "Su", "Sus", "Vostro", "Vostra", "Vs.", "Vs",
                                     "Jeres", "Deres", "Sua", "Vossa", "V/"]
    static let buyerNouns = ["customer", "Kunde", "Kunden", "client", "klant", "kund", "kundens", "cliente", "du client", "del cliente", "nabywcy"]

    /// `Ihre Bestellnr.` is a purchase-order label like `Bestellnr.`; `Ihre USt-IdNr.` and
    /// `N° TVA client` are the customer's VAT id, not the seller's. Deriving these keeps the
    /// lexicon from having to list every combination.
    private static func addBuyerVariants(to table: inout [LabelKind: LabelPhrases]) {
        let orders = table[.purchaseOrder]?.specific ?? []
        let vatIds = table[.vendorTaxId]?.specific ?? []
        let customerNumbers = table[.customerNumber]?.specific ?? []
        var purchaseOrder = table[.purchaseOrder] ?? LabelPhrases(specific: [])
        var customerTaxId = table[.customerTaxId] ?? LabelPhrases(specific: [])
        var customerNumber = table[.customerNumber] ?? LabelPhrases(specific: [])
        for possessive in buyerPossessives {
            purchaseOrder.specific += orders.map { possessive + " " + $0 }
            customerTaxId.specific += vatIds.map { possessive + " " + $0 }
            customerNumber.specific += customerNumbers.map { possessive + " " + $0 }
        }
        for noun in buyerNouns {
            customerTaxId.specific += vatIds.flatMap { [$0 + " " + noun, noun + " " + $0] }
        }
        table[.purchaseOrder] = purchaseOrder
        table[.customerTaxId] = customerTaxId
        table[.customerNumber] = customerNumber
    }
}
