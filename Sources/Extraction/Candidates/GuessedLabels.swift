/// Values behind label text the lexicon does not know (`LabelGuess`): inline after a colon, in
/// the next cell to the right, or in the cell below. Candidates only, as weak as a generic
/// label; nothing is claimed and no label is recorded, so party names holding such words
/// (`Norrland Data HB`) stay names.
enum GuessedLabels {
    static func candidates(layout: DocumentLayout, claimed: Set<CellRef>, order: DateOrder) -> [FieldCandidate] {
        var found: [FieldCandidate] = []
        for ref in layout.allCells where !claimed.contains(ref) {
            let cell = layout[ref]
            // A lexicon label reads its own value, unless it is a generic word starting a
            // longer unknown label (`Fecha límite: 05/03/2024`).
            if let known = layout.labels[ref], known.strength >= 1 || !LabelledValueFinder.startsLongerLabel(known.remainder) { continue }
            guard cell.text.utf8.count <= 60, !CompanyLexicon.hasLegalForm(cell.text),
                  let guess = LabelGuess.guess(cell.text), let kind = guess.kinds.first else { continue }
            var slots: [(String, CellRef, Double)] = []
            if !guess.remainder.isEmpty { slots.append((guess.remainder, ref, 1)) }
            if guess.remainder.isEmpty, let right = layout.right(of: ref), layout.labels[right] == nil {
                slots.append((layout[right].text, right, 0.95))
            }
            if guess.remainder.isEmpty, let below = layout.below(of: ref, maxLines: 1.5), layout.labels[below] == nil {
                slots.append((layout[below].text, below, 0.9))
            }
            for (text, slotRef, factor) in slots {
                // The slot must be the value alone (a sentence mentioning one is no value).
                guard text.split(separator: " ").count <= 5 else { continue }
                let value: (InvoiceField, String, Double)?
                switch kind {
                case .dueDate, .invoiceDate:
                    value = FieldValueReader.date(text, order: order).map { (kind == .dueDate ? .dueDate : .invoiceDate, $0.0.description, $0.1) }
                default:
                    value = FieldValueReader.identifier(text).map { (kind == .purchaseOrder ? .purchaseOrder : .invoiceNumber, $0.0, $0.1) }
                }
                guard let (field, text, validity) = value else { continue }
                found.append(FieldCandidate(field: field, value: text, score: guess.strength * factor * validity,
                                            cell: slotRef, box: layout[slotRef].box, raw: text))
                break
            }
        }
        return found
    }
}
