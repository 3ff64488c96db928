import PDF

/// A possible value for a field with the evidence behind it, before the fields are resolved.
struct FieldCandidate: Sendable {
    var field: InvoiceField
    /// Canonical value.
    var value: String
    /// Evidence strength in [0, 1]: label strength × value position × format validity.
    var score: Double
    var cell: CellRef
    var box: PDFRect
    var raw: String
}

/// Where a value sits relative to its label; nearer and more conventional spots score higher.
enum ValuePosition: Sendable {
    case inline, right, below

    var factor: Double {
        switch self {
        case .inline: return 1.0
        case .right: return 0.95
        case .below: return 0.9
        }
    }
}

/// A piece of text a label points at.
struct ValueSlot: Sendable {
    var text: String
    var cell: CellRef
    var position: ValuePosition
}
