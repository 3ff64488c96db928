import PDF

/// The canonical invoice fields, named as the API and the ground truth name them.
public enum InvoiceField: String, Sendable, CaseIterable {
    case invoiceNumber = "InvoiceNumber"
    case invoiceDate = "InvoiceDate"
    case dueDate = "DueDate"
    case totalAmount = "TotalAmount"
    case subtotal = "Subtotal"
    case taxAmount = "TaxAmount"
    case currency = "Currency"
    case vendorName = "VendorName"
    case customerName = "CustomerName"
    case vendorTaxId = "VendorTaxId"
    case iban = "IBAN"
    case bic = "BIC"
    case paymentReference = "PaymentReference"
    case bankgiro = "Bankgiro"
    case purchaseOrder = "PurchaseOrder"
}

/// One field found on an invoice: its canonical value, how sure the extractor is, and where
/// it was printed.
public struct ExtractedField: Sendable, Equatable {
    /// Canonical field name (`InvoiceField.rawValue`).
    public var name: String
    /// Normalized value: ISO dates, `1234.50` amounts, ISO 4217 currency, ids without spaces.
    public var value: String
    /// In [0, 1]; 0.5 is the default cut-off for reporting a field.
    public var confidence: Double
    /// 1-based page number.
    public var page: Int
    /// Where the value was printed (top-left page space, points).
    public var box: PDFRect
    /// The text as printed, before normalization.
    public var raw: String

    public init(name: String, value: String, confidence: Double, page: Int, box: PDFRect, raw: String) {
        self.name = name; self.value = value; self.confidence = confidence
        self.page = page; self.box = box; self.raw = raw
    }
}
