/// Values behind label text the lexicon does not know (`LabelGuess`): inline after a colon, in
/// the next cell to the right, or in the cell below. Candidates only, as weak as a generic
/// label; nothing is claimed and no label is recorded, so party names holding such words
/// (`Norrland Data HB`) stay names.
struct GuessedLabels {
    private(set) var fields: [FieldCandidate] = []
    private(set) var amounts: [AmountCandidate] = []

    init(layout: DocumentLayout, claimed: Set<CellRef>, context: DocumentContext) {
        for ref in layout.allCells where !claimed.contains(ref) {
            let cell = layout[ref]
            // A lexicon label reads its own value, unless it is a generic word starting a longer
            // unknown label (`Fecha límite: 05/03/2024`) or a distractor word that does
            // (`Payment expected by`: `Payment` alone names the terms).
            if let known = layout.labels[ref], !Self.startsUnknownLabel(known) { continue }
            // Leader dots do not make a label long.
            let text = cell.text.replacingOccurrences(of: "...", with: "").trimmingWhitespace()
            guard text.utf8.count <= 60, !CompanyLexicon.hasLegalForm(text), let guess = LabelGuess.guess(text) else { continue }
            var slots: [(String, CellRef, Double)] = []
            if !guess.remainder.isEmpty { slots.append((guess.remainder, ref, 1)) }
            // Up to three cells to the right (past leader dots or a currency column).
            var right = guess.remainder.isEmpty ? layout.right(of: ref) : nil
            var hops = 0
            while let r = right, hops < 3, layout.labels[r] == nil {
                slots.append((layout[r].text, r, 0.95))
                right = layout.right(of: r)
                hops += 1
            }
            if guess.remainder.isEmpty, let below = layout.below(of: ref, maxLines: 1.5), layout.labels[below] == nil {
                slots.append((layout[below].text, below, 0.9))
            }
            // Amounts only outside line-item rows (a description beside its prices).
            let totalsRow = layout.pages[ref.page].rows[ref.row].count <= 3
            for kind in guess.kinds {
                for (text, slotRef, factor) in slots where text.split(separator: " ").count <= 5 {
                    if read(kind, text, at: slotRef, score: guess.strength * factor, layout: layout, context: context,
                            amountsAllowed: totalsRow) { break }
                }
            }
        }
    }

    private static func startsUnknownLabel(_ known: LabelMatch) -> Bool {
        if known.strength < 1 { return LabelledValueFinder.startsLongerLabel(known.remainder) }
        return known.kinds.allSatisfy(\.isDistractor) && known.remainder.first?.isLetter == true
            && (LabelledValueFinder.startsLongerLabel(known.remainder) || !known.remainder.contains(where: \.isNumber))
    }

    /// Reads `text` as the value of `kind`; true when it held one.
    private mutating func read(_ kind: LabelKind, _ text: String, at ref: CellRef, score: Double, layout: DocumentLayout,
                               context: DocumentContext, amountsAllowed: Bool) -> Bool {
        let box = layout[ref].box
        switch kind {
        case .dueDate, .invoiceDate:
            guard let (date, validity) = FieldValueReader.date(text, order: context.dateOrder) else { return false }
            fields.append(FieldCandidate(field: kind == .dueDate ? .dueDate : .invoiceDate, value: date.description,
                                         score: score * validity, cell: ref, box: box, raw: text))
        case .invoiceNumber, .purchaseOrder:
            guard let (id, validity) = FieldValueReader.identifier(text) else { return false }
            fields.append(FieldCandidate(field: kind == .purchaseOrder ? .purchaseOrder : .invoiceNumber, value: id,
                                         score: score * validity, cell: ref, box: box, raw: text))
        case .grandTotal, .amountDue, .subtotal, .taxTotal:
            guard amountsAllowed, let amount = FieldValueReader.amount(text, hint: context.decimalSeparator),
                  amount.looksLikeMoney else { return false }
            let role: AmountRole = kind == .grandTotal ? .grandTotal : kind == .amountDue ? .amountDue
                : kind == .subtotal ? .subtotal : .taxTotal
            amounts.append(AmountCandidate(role: role, amount: amount.value, currency: amount.currency, score: score,
                                           cell: ref, box: box, raw: text))
        default:
            return false
        }
        return true
    }
}

import Foundation
