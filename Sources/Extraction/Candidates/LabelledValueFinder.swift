import PDF

/// Walks every label in the document, finds the text it points at (after it in the same
/// cell, the next cells to the right, or the cell below) and reads it with the parser of the
/// label's kind.
struct LabelledValueFinder {
    let layout: DocumentLayout
    let context: DocumentContext

    private(set) var fields: [FieldCandidate] = []
    private(set) var amounts: [AmountCandidate] = []
    /// Cells taken as the value of some label, a distractor's included.
    private(set) var claimed: Set<CellRef> = []

    init(layout: DocumentLayout, context: DocumentContext) {
        self.layout = layout
        self.context = context
        for (ref, match) in layout.labels.sorted(by: { $0.key < $1.key }) {
            read(match, at: ref)
        }
    }

    /// Text slots a label may point at, nearest first.
    func slots(for match: LabelMatch, at ref: CellRef) -> [ValueSlot] {
        var slots: [ValueSlot] = []
        if !match.remainder.isEmpty { slots.append(ValueSlot(text: match.remainder, cell: ref, position: .inline)) }
        var next = layout.right(of: ref)
        var hops = 0
        while let r = next, hops < 3, layout.labels[r] == nil {
            slots.append(ValueSlot(text: layout[r].text, cell: r, position: .right))
            next = layout.right(of: r)
            hops += 1
        }
        if let b = layout.below(of: ref), layout.labels[b] == nil {
            slots.append(ValueSlot(text: layout[b].text, cell: b, position: .below))
        }
        return slots
    }

    /// Words and a colon after a label (`scad.: 05/07/2025`): the label goes on.
    static func startsLongerLabel(_ remainder: String) -> Bool {
        guard let colon = remainder.firstIndex(of: ":") else { return false }
        return remainder[..<colon].contains(where: \.isLetter)
    }

    private static let amountKinds: Set<LabelKind> = [.grandTotal, .amountDue, .subtotal, .taxTotal, .tax]

    private mutating func read(_ match: LabelMatch, at ref: CellRef) {
        let slots = slots(for: match, at: ref)
        // In a totals row an amount with cents beats a bare count (`Total | 15 | 1,234.00`).
        let amountSlots = slots.filter { Self.hasCents($0.text) } + slots.filter { !Self.hasCents($0.text) }
        // A total's row may repeat net and tax before the gross (`Total | 1,000 | 190 | 1,190`):
        // the rightmost money on the row is the total.
        let totalSlots = amountSlots.filter { $0.position == .inline }
            + amountSlots.filter { $0.position == .right && Self.hasCents($0.text) }.reversed()
            + amountSlots.filter { $0.position != .inline && !($0.position == .right && Self.hasCents($0.text)) }
        for kind in match.kinds {
            let ordered = kind == .grandTotal || kind == .amountDue ? totalSlots : Self.amountKinds.contains(kind) ? amountSlots : slots
            for slot in ordered {
                if readValue(kind: kind, match: match, labelCell: ref, slot: slot) {
                    claimed.insert(slot.cell)
                    break
                }
            }
        }
    }

    /// Reads `slot` as the value of `kind`; true when it held one.
    private mutating func readValue(kind: LabelKind, match: LabelMatch, labelCell: CellRef, slot: ValueSlot) -> Bool {
        // A generic label followed by more words and a colon (`Data scad.: 05/07/2025`,
        // `Fecha de operación: 17/06/2024`, `Amount paid: 500.00`) is the start of a longer
        // label the lexicon does not know, not the generic one.
        if match.strength < 1, slot.position == .inline, Self.startsLongerLabel(slot.text) { return false }
        let weight = match.strength * slot.position.factor
        let cell = layout[slot.cell]
        let box = slot.position == .inline ? cell.box(ofSuffix: slot.text) : cell.box
        func add(_ field: InvoiceField, _ value: String, _ validity: Double) {
            fields.append(FieldCandidate(field: field, value: value, score: weight * validity,
                                         cell: slot.cell, box: box, raw: slot.text))
        }
        switch kind {
        case .invoiceNumber, .purchaseOrder, .documentTitle:
            // A title counts with its number on the same line, or a lone number under it.
            if kind == .documentTitle && slot.position == .below && slot.text.contains(" ") { return false }
            guard let (id, validity) = FieldValueReader.identifier(slot.text) else { return false }
            let field: InvoiceField = kind == .purchaseOrder ? .purchaseOrder : .invoiceNumber
            add(field, id, kind == .documentTitle ? validity * 0.5 : validity)
            // `Fattura n. 45/2024 del 05/03/2024`, `Facture n° 12 du 5 mars 2024`: the date
            // printed with the number is the invoice date.
            if field == .invoiceNumber, slot.position == .inline,
               let idEnd = slot.text.range(of: id)?.upperBound,   // after a `#` the id is not a prefix
               let (date, dateValidity) = FieldValueReader.date(String(slot.text[idEnd...]), order: context.dateOrder) {
                fields.append(FieldCandidate(field: .invoiceDate, value: date.description, score: 0.6 * weight * dateValidity,
                                             cell: slot.cell, box: box, raw: slot.text))
            }
        case .invoiceDate, .dueDate:
            guard let (date, validity) = FieldValueReader.date(slot.text, order: context.dateOrder) else { return false }
            add(kind == .invoiceDate ? .invoiceDate : .dueDate, date.description, validity)
        case .grandTotal, .amountDue, .subtotal, .taxTotal, .tax:
            guard let amount = FieldValueReader.amount(slot.text, hint: context.decimalSeparator) else { return false }
            // `Please pay within 14 days`, `Terms: Net 30`: a bare number is not an amount in a
            // document that writes its amounts with cents.
            if !amount.looksLikeMoney,
               context.decimalSeparator != nil || slot.text.split(separator: " ").count > 3 { return false }
            let role: AmountRole
            let labelText = layout[labelCell].text
            switch kind {
            case .grandTotal: role = .grandTotal
            case .amountDue: role = .amountDue
            case .subtotal:
                role = Self.percentage(in: labelText).map { .subtotalRateLine(rate: $0) } ?? .subtotal
            case .taxTotal: role = .taxTotal
            default:
                if let rate = Self.percentage(in: labelText) ?? Self.percentage(in: slot.text) {
                    role = .taxRateLine(rate: rate)
                } else {
                    role = .taxTotal
                }
            }
            amounts.append(AmountCandidate(role: role, amount: amount.value, currency: amount.currency,
                                           score: weight, cell: slot.cell, box: box, raw: slot.text))
        case .vendorTaxId:
            let specific = match.strength >= 1
            guard let (taxId, validity) = FieldValueReader.taxId(slot.text, specificLabel: specific)
                ?? FieldValueReader.taxId(continued(slot), specificLabel: specific) else { return false }
            add(.vendorTaxId, taxId.value, validity)
        case .iban:
            guard let iban = FieldValueReader.iban(slot.text) ?? FieldValueReader.iban(continued(slot)) else { return false }
            add(.iban, iban, 1)
        case .bic:
            guard let bic = FieldValueReader.bic(slot.text) else { return false }
            add(.bic, bic, 1)
        case .paymentReference:
            guard let (reference, validity) = FieldValueReader.paymentReference(slot.text) else { return false }
            // `Reference: HS-PO-8812` may be anyone's reference; only a checked payment
            // reference (RF, OCR, QR) makes a generic label a payment reference.
            if match.strength < 1, validity < 1 { return false }
            add(.paymentReference, reference, validity)
        case .bankgiro:
            guard let (bankgiro, validity) = FieldValueReader.bankgiro(slot.text) else { return false }
            add(.bankgiro, bankgiro, validity)
        case .deliveryDate, .orderDate, .otherDate:
            return DateParser.date(slot.text, order: context.dateOrder) != nil
        case .companyRegistration:
            // A registration number printed as a full VAT number is the VAT id (Norway's
            // `Org.nr. NO 123 456 789 MVA`); a bare one (`556677-8899`) is only claimed.
            if let vat = TaxIdParser.vatNumber(slot.text) { add(.vendorTaxId, vat, 0.8) }
            return slot.text.contains(where: \.isASCIIDigit)
        case .customerTaxId, .customerNumber, .ourReference, .plusgiro, .bankAccount, .deposit,
             .otherReference, .otherAmount:
            // Claim the value so that no other label or scan takes it.
            return slot.text.contains(where: \.isASCIIDigit)
        case .paymentTerms:
            // Terms given as a date (`Pagamento: 22/11/2025`, `Payment: 05.03.2024`) name the due date.
            guard slot.text.split(separator: " ").count <= 5,
                  let (date, validity) = FieldValueReader.date(slot.text, order: context.dateOrder) else { return false }
            add(.dueDate, date.description, 0.8 * validity)
        case .taxRate, .pageNumber, .contact, .billTo, .seller, .shipTo:
            return false
        }
        return true
    }

    /// The slot's text followed by the cell below, for a long id wrapped onto a second line.
    private func continued(_ slot: ValueSlot) -> String {
        guard let below = layout.below(of: slot.cell, maxLines: 1.6),
              layout.labels[below] == nil else { return slot.text }
        return slot.text + " " + layout[below].text
    }

    private static func hasCents(_ text: String) -> Bool {
        AmountParser.amounts(in: text).contains(where: \.looksLikeMoney)
    }

    /// `21 %`, `(21%)`, `8.25 %` in a label or value: the rate of a per-rate VAT line.
    static func percentage(in text: String) -> String? {
        let chars = Array(text)
        for (i, c) in chars.enumerated() where c == "%" {
            var j = i - 1
            while j >= 0, chars[j] == " " || chars[j] == "\u{00A0}" { j -= 1 }
            var start = j
            while start >= 0, chars[start].isASCIIDigit || chars[start] == "." || chars[start] == "," { start -= 1 }
            if start < j { return String(chars[(start + 1)...j]).replacingOccurrences(of: ",", with: ".") }
        }
        return nil
    }
}

import Foundation
