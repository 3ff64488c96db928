/// What a printed label announces. Besides the fields we extract, the lexicon knows the labels
/// of look-alike values (delivery date, customer number, Steuernummer, amount due after a
/// deposit…) so that those values are claimed by their own label and never taken for a field.
enum LabelKind: String, Sendable, CaseIterable {
    // Fields.
    case invoiceNumber, invoiceDate, dueDate
    case grandTotal, subtotal, taxTotal
    case vendorTaxId, iban, bic, paymentReference, bankgiro, purchaseOrder
    /// A document title (`Invoice`, `Rechnung`): the number printed right after it is weak
    /// evidence for the invoice number.
    case documentTitle
    /// Generic tax label (`VAT`, `MwSt.`, `TVA`): a tax total, or a per-rate line when a
    /// percentage follows.
    case tax
    /// What remains to pay after deposits (`Amount due`, `Zahlbetrag`, `Net à payer`):
    /// equals the grand total unless something was deducted.
    case amountDue
    // Parties.
    case billTo, seller, shipTo
    // Distractors.
    case deliveryDate, orderDate, otherDate
    case deposit, taxRate
    case customerTaxId, companyRegistration, customerNumber, ourReference
    case plusgiro, bankAccount, paymentTerms, pageNumber, contact
    /// Numbers of other documents (delivery note, quote, contract, project).
    case otherReference
    /// Amounts that are not totals: carried forward, discount, shipping.
    case otherAmount

    /// True for labels whose value is never a field (used to stop a value search).
    var isDistractor: Bool {
        switch self {
        case .deliveryDate, .orderDate, .otherDate, .deposit, .taxRate, .customerTaxId,
             .companyRegistration, .customerNumber, .ourReference, .plusgiro, .bankAccount,
             .paymentTerms, .pageNumber, .contact, .shipTo, .otherReference, .otherAmount: return true
        default: return false
        }
    }
}
