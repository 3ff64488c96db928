import PDF

/// Template-free invoice field extraction from positioned words.
///
/// 1. Words are regrouped into rows and cells (`DocumentLayout`); cells starting with a label
///    from the multilingual lexicon are marked.
/// 2. Each label's value is looked for after it, to its right or below it, and read with the
///    parser for the label's kind (`LabelledValueFinder`); values identifiable by format alone
///    (IBAN, RF reference, VAT number) are also scanned for unlabelled.
/// 3. Fields are resolved together: the totals triple that adds up, due date not before
///    invoice date, the seller's VAT id outside the customer block, one currency.
public struct InvoiceExtractor: Sendable {
    public init() {}

    /// All fields found, the best candidate each, with confidence in [0, 1].
    public func extract(pages: [TextPage]) -> [ExtractedField] {
        let layout = DocumentLayout(pages: pages)
        let context = DocumentContext(layout: layout)
        let finder = LabelledValueFinder(layout: layout, context: context)
        let parties = PartyResolver(layout: layout, claimed: finder.claimed)
        let guessed = GuessedLabels(layout: layout, claimed: finder.claimed, context: context)
        let candidates = finder.fields + UnlabelledValueScanner.scan(layout: layout, claimed: finder.claimed,
                                                                            order: context.dateOrder) + guessed.fields
        var byField: [InvoiceField: [FieldCandidate]] = [:]
        for c in candidates { byField[c.field, default: []].append(c) }

        var result: [InvoiceField: (FieldCandidate, Double)] = [:]
        func choose(_ field: InvoiceField, accept: (FieldCandidate) -> Bool = { _ in true }) {
            if let pick = FieldSelector.pick(byField[field] ?? [], accept: accept) {
                result[field] = (pick.candidate, pick.confidence)
            }
        }
        for field in [InvoiceField.invoiceNumber, .invoiceDate, .iban, .bic, .paymentReference, .bankgiro, .purchaseOrder] {
            choose(field)
        }
        // The due date cannot precede the invoice date.
        let invoiceDate = result[.invoiceDate]?.0.value
        choose(.dueDate) { invoiceDate == nil || $0.value >= invoiceDate! }
        // The customer's VAT id sits in the customer's address block.
        choose(.vendorTaxId) { !parties.customerBlock.contains($0.cell) }

        let totals = TotalsResolver(candidates: finder.amounts + guessed.amounts)
        for (field, choice) in [(InvoiceField.totalAmount, totals.total), (.subtotal, totals.subtotal), (.taxAmount, totals.tax)] {
            guard let choice else { continue }
            let c = choice.candidate
            result[field] = (FieldCandidate(field: field, value: c.amount.description, score: c.score, cell: c.cell, box: c.box, raw: c.raw),
                             choice.confidence)
        }
        if result[.taxAmount] == nil, let tax = TaxFromDifference.find(total: totals.total?.candidate,
                                                                       subtotal: totals.subtotal?.candidate, in: layout) {
            result[.taxAmount] = (tax, 0.6)
        }
        let chosenTotals = [totals.total, totals.subtotal, totals.tax].compactMap { $0?.candidate }
        let countries = [result[.iban]?.0.value, result[.vendorTaxId]?.0.value].compactMap { $0.map { String($0.prefix(2)) } }
        if let currency = CurrencyResolver.resolve(layout: layout, totals: chosenTotals.isEmpty ? finder.amounts : chosenTotals,
                                                   countryHints: countries) {
            let cell = layout[currency.cell]
            result[.currency] = (FieldCandidate(field: .currency, value: currency.code, score: currency.confidence,
                                                cell: currency.cell, box: cell.box, raw: cell.text),
                                 currency.confidence)
        } else if result[.totalAmount] != nil, let source = result[.iban]?.0 ?? result[.vendorTaxId]?.0,
                  let code = CurrencyLexicon.code(forCountry: String(source.value.prefix(2))) {
            // No symbol or code printed: the seller's bank or VAT country tells the currency.
            result[.currency] = (FieldCandidate(field: .currency, value: code, score: 0.55, cell: source.cell, box: source.box,
                                                raw: source.raw), 0.55)
        }
        if let customer = parties.customer { result[.customerName] = (customer.candidate, customer.confidence) }
        if let vendor = parties.vendor { result[.vendorName] = (vendor.candidate, vendor.confidence) }

        return InvoiceField.allCases.compactMap { field in
            guard let (c, confidence) = result[field] else { return nil }
            return ExtractedField(name: field.rawValue, value: c.value, confidence: (confidence * 1000).rounded() / 1000,
                                  page: c.cell.page + 1, box: c.box, raw: c.raw)
        }
    }
}
