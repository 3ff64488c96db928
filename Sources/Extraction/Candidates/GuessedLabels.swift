/// Values behind label text the lexicon does not know (`LabelGuess`): inline after a colon, in
/// the next cell to the right, or in the cell below. Candidates only, as weak as a generic
/// label; nothing is claimed and no label is recorded, so party names holding such words
/// (`Norrland Data HB`) stay names.
struct GuessedLabels {
    private(set) var fields: [FieldCandidate] = []
    private(set) var amounts: [AmountCandidate] = []

    init(layout: DocumentLayout, claimed: Set<CellRef>, context: DocumentContext) {
        var itemRows: [CellRef: Bool] = [:]   // per (page, row), column 0
        for ref in layout.allCells where !claimed.contains(ref) {
            // Line-item rows (several cells, two or more of them bare numbers) hold no labels.
            let rowKey = CellRef(page: ref.page, row: ref.row, column: 0)
            let isItemRow = itemRows[rowKey] ?? {
                let row = layout.pages[ref.page].rows[ref.row]
                return row.count >= 4 && row.filter { cell in
                    cell.text.contains(where: \.isASCIIDigit) && !cell.text.contains(where: \.isLetter)
                }.count >= 2
            }()
            itemRows[rowKey] = isItemRow
            if isItemRow { continue }
            // A lexicon label reads its own value, unless it is a word starting a longer unknown
            // label: a generic one (`Fecha límite: …`), a distractor (`Payment expected by`), a
            // party or title word (`À régler au plus tard le …`, `Invoice Ident.`).
            if let known = layout.labels[ref], !Self.startsUnknownLabel(known) { continue }
            // Leader dots do not make a label long; numbers and long prose are no label at all.
            var text = layout[ref].text
            guard text.utf8.count <= 200, text.utf8.first.map({ !(0x30...0x39).contains($0) }) ?? false else { continue }
            if text.containsBytes("...") { text = text.replacingOccurrences(of: "...", with: "").trimmingWhitespace() }
            guard text.utf8.count <= 60, !CompanyLexicon.hasLegalForm(text) else { continue }
            if let guess = LabelGuess.guess(text), read(guess, slots: slots(for: guess, at: ref, in: layout), at: ref, layout, context) {
                continue
            }
            // A label wrapped onto two lines (`Termine` over `di pagamento`), the value below.
            if !text.contains(where: \.isNumber), let below = layout.below(of: ref, maxLines: 1.2), layout.labels[below] == nil,
               !layout[below].text.contains(where: \.isNumber), let guess = LabelGuess.guess(text + " " + layout[below].text),
               read(guess, slots: slots(for: guess, at: below, in: layout), at: ref, layout, context) {
                continue
            }
            // A value with its own label inside a sentence-like cell (`30 days net, due 04/04/2024`).
            guard text.containsBytes(", ") || text.containsBytes("; ") else { continue }
            let segments = text.components(separatedBy: ", ").flatMap { $0.components(separatedBy: "; ") }
            for segment in segments.dropFirst() {
                if let guess = LabelGuess.guess(segment), !guess.remainder.isEmpty,
                   read(guess, slots: [(guess.remainder, ref, 0.9)], at: ref, layout, context) { break }
            }
        }
    }

    /// Where a guessed label's value may be: inline, up to three cells right (past leader dots
    /// or a currency column), or below.
    private func slots(for guess: LabelMatch, at ref: CellRef, in layout: DocumentLayout) -> [(String, CellRef, Double)] {
        if !guess.remainder.isEmpty { return [(guess.remainder, ref, 1)] }
        var slots: [(String, CellRef, Double)] = []
        var right = layout.right(of: ref)
        var hops = 0
        while let r = right, hops < 3, layout.labels[r] == nil {
            slots.append((layout[r].text, r, 0.95))
            right = layout.right(of: r)
            hops += 1
        }
        if let below = layout.below(of: ref, maxLines: 1.5), layout.labels[below] == nil {
            slots.append((layout[below].text, below, 0.9))
        }
        return slots
    }

    /// Reads the first slot holding a value of one of the guess's kinds; true when one did.
    private mutating func read(_ guess: LabelMatch, slots: [(String, CellRef, Double)], at label: CellRef,
                               _ layout: DocumentLayout, _ context: DocumentContext) -> Bool {
        // Amounts only outside line-item rows (a description beside its prices).
        let totalsRow = layout.pages[label.page].rows[label.row].count <= 3
        var found = false
        for kind in guess.kinds {
            for (text, slotRef, factor) in slots where text.split(separator: " ").count <= 5 {
                if read(kind, text, at: slotRef, score: guess.strength * factor, layout: layout, context: context,
                        amountsAllowed: totalsRow) {
                    found = true
                    break
                }
            }
        }
        return found
    }

    private static let headingKinds: Set<LabelKind> = [.billTo, .seller, .shipTo, .documentTitle]

    private static func startsUnknownLabel(_ known: LabelMatch) -> Bool {
        if known.strength >= 1, !known.kinds.allSatisfy({ $0.isDistractor || headingKinds.contains($0) }) { return false }
        if LabelledValueFinder.startsLongerLabel(known.remainder) { return true }
        // More words before the value (`Referentie bestelling B-35537`), not a value itself.
        guard let first = known.remainder.split(separator: " ").first, first.allSatisfy(\.isLetter),
              MonthNames.month(for: TextFolding.fold(String(first))) == nil else { return false }
        return true
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
