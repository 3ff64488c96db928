import PDF

/// What a labelled amount stands for in the totals block.
enum AmountRole: Sendable, Equatable {
    case grandTotal, amountDue, subtotal, taxTotal
    /// One VAT rate's tax (`VAT 21 %`); several are summed into the tax total.
    case taxRateLine(rate: String)
    /// One VAT rate's net base (`Base imponible 10 %`); several are summed into the subtotal.
    case subtotalRateLine(rate: String)
}

/// A labelled amount, before the totals are resolved.
struct AmountCandidate: Sendable {
    var role: AmountRole
    var amount: Money
    var currency: String?
    var score: Double
    var cell: CellRef
    var box: PDFRect
    var raw: String
}
