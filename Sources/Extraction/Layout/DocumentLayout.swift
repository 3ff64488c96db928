import PDF

/// Position of a cell: page index (0-based), row and column within the row.
struct CellRef: Hashable, Sendable, Comparable {
    var page: Int
    var row: Int
    var column: Int
    static func < (a: CellRef, b: CellRef) -> Bool { (a.page, a.row, a.column) < (b.page, b.row, b.column) }
}

/// All pages as rows of cells, with the label (if any) that starts each cell, and the
/// neighbourhood queries value search needs: the cell to the right, the cell below.
struct DocumentLayout: Sendable {
    var pages: [PageLayout]
    var labels: [CellRef: LabelMatch]
    /// Every cell in reading order (page, top to bottom, left to right).
    private(set) var allCells: [CellRef] = []

    init(pages textPages: [TextPage], matcher: LabelMatcher = .shared) {
        pages = textPages.map(PageLayout.init(page:))
        var labels: [CellRef: LabelMatch] = [:]
        for p in pages.indices {
            for r in pages[p].rows.indices {
                let split = pages[p].rows[r].flatMap { Self.splitAdjacentColumns($0, matcher: matcher) }
                pages[p].rows[r] = split.map(\.cell)
                for (c, piece) in split.enumerated() {
                    if let label = piece.label { labels[CellRef(page: p, row: r, column: c)] = label }
                }
            }
        }
        Self.joinStackedLabels(pages: pages, labels: &labels, matcher: matcher)
        self.labels = labels
        allCells = pages.indices.flatMap { p in
            pages[p].rows.indices.flatMap { r in
                pages[p].rows[r].indices.map { CellRef(page: p, row: r, column: $0) }
            }
        }
    }

    /// Two table columns printed a word space apart read as one cell (`Brutto MwSt. 19%`,
    /// `1.669,53 Gesamtbetrag`), as do `Label: value` pairs run together on one line. Split
    /// where a specific label starts right after a complete label, a value, or a label with
    /// its value. Party labels are left alone: a name may start with a label word
    /// (`Bill to: Customer Care Ltd`).
    static let maxSplitWords = 80

    static func splitAdjacentColumns(_ cell: LayoutCell, matcher: LabelMatcher) -> [(cell: LayoutCell, label: LabelMatch?)] {
        let fullMatch = matcher.match(cell.text) ?? matcher.embeddedTaxLabel(cell.text)
        // Prose runs of more than `maxSplitWords` are left whole: splitting is quadratic.
        guard (2...maxSplitWords).contains(cell.words.count) else { return [(cell, fullMatch)] }
        // `NO 671 341 427 MVA`, `CHE-123.456.789 MWST`: a VAT number's suffix is no tax label.
        if let last = cell.words.last?.text, ["MVA", "MWST", "TVA", "IVA"].contains(last.uppercased()),
           TaxIdParser.vatNumber(cell.text) != nil {
            return [(cell, fullMatch)]
        }
        let partyKinds: Set<LabelKind> = [.billTo, .seller, .shipTo, .documentTitle, .contact]
        for k in 1..<cell.words.count where matcher.mayStartLabel(cell.words[k].text) {
            let prefix = cell.words[..<k].map(\.text).joined(separator: " ")
            let suffix = cell.words[k...].map(\.text).joined(separator: " ")
            guard let next = matcher.match(suffix), next.strength >= 1 || next.endsWithColon,
                  !next.kinds.contains(where: partyKinds.contains) else { continue }
            // `Netto summa`, `Valor líquido total`, `Net HT total`: one total word after a net or
            // tax label qualifies it; it is no second column.
            if let fullMatch, fullMatch.kinds.contains(where: { $0 == .subtotal || $0 == .taxTotal || $0 == .tax }),
               next.kinds.allSatisfy({ $0 == .grandTotal }), TextFolding.words(next.phrase).count == 1 { continue }
            // The label at the start must end exactly before word k.
            if let fullMatch, fullMatch.remainder.count < suffix.count { continue }
            // A separator or the end of a sentence: `… · USt-IdNr. DE…`, `virement : IBAN FR76…`.
            let afterSeparator = cell.words[k - 1].text.last.map { ".,;:·|–—-•/".contains($0) } ?? false
            // `Sort code: 83-22-11 IBAN: GB51…`: a specific label with its colon stands on its own.
            let colonLabel = next.endsWithColon && next.strength >= 1
            // The prefix's label is the cell's own (it ends before word k, checked above), with
            // the remainder cut where the suffix starts.
            let prefixLabel = fullMatch.map { label -> LabelMatch in
                var cut = label
                cut.remainder = String(label.remainder.dropLast(suffix.count)).trimmingWhitespace()
                return cut
            }
            let prefixIsLabel = prefixLabel.map { $0.remainder.isEmpty && !$0.kinds.contains(where: partyKinds.contains) } ?? false
            // A label with a short value (`Invoice no: 123 Date: 05/03/2024` printed with
            // single spaces); the next label must then look like one (a colon or its own value).
            let prefixIsLabelAndValue = prefixLabel.map { label in
                !label.kinds.contains(where: partyKinds.contains) && !label.remainder.isEmpty
                    && label.remainder.contains(where: \.isASCIIDigit) && label.remainder.split(separator: " ").count <= 4
            } ?? false && (next.endsWithColon || !next.remainder.isEmpty)
            // A value alone: digits and separators, at most a currency code (`1.669,53 EUR`).
            let prefixIsValue = !(afterSeparator || colonLabel || prefixIsLabel || prefixIsLabelAndValue)
                && prefix.filter(\.isLetter).count <= 3
                && (AmountParser.amount(prefix) != nil || DateParser.date(prefix) != nil)
            guard prefixIsLabel || prefixIsLabelAndValue || prefixIsValue || afterSeparator || colonLabel else { continue }
            let head = LayoutCell(page: cell.page, row: cell.row, words: Array(cell.words[..<k]))
            let tail = LayoutCell(page: cell.page, row: cell.row, words: Array(cell.words[k...]))
            return [(head, prefixLabel)] + splitAdjacentColumns(tail, matcher: matcher)
        }
        return [(cell, fullMatch)]
    }

    subscript(ref: CellRef) -> LayoutCell { pages[ref.page].rows[ref.row][ref.column] }

    /// The next cell on the same row.
    func right(of ref: CellRef) -> CellRef? {
        let row = pages[ref.page].rows[ref.row]
        return ref.column + 1 < row.count ? CellRef(page: ref.page, row: ref.row, column: ref.column + 1) : nil
    }

    /// The cell directly below: in the first following row (within `maxLines` line heights)
    /// that has a cell overlapping this one horizontally, the cell overlapping most.
    func below(of ref: CellRef, maxLines: Double = 3.2) -> CellRef? {
        let cell = self[ref]
        let page = pages[ref.page]
        var r = ref.row + 1
        while r < page.rows.count {
            let row = page.rows[r]
            guard let top = row.map(\.box.y0).min(), top - cell.box.y1 <= maxLines * cell.lineHeight else { return nil }
            var best: (Int, Double)?
            for (c, candidate) in row.enumerated() {
                let overlap = candidate.horizontalOverlap(with: cell.box)
                if overlap > 0, overlap > (best?.1 ?? 0) { best = (c, overlap) }
            }
            if let best { return CellRef(page: ref.page, row: r, column: best.0) }
            r += 1
        }
        return nil
    }

    /// A line-item table's header row: three or more cells over a row of numbers (quantities,
    /// prices) that holds no labels.
    func isTableHeader(page: Int, row: Int) -> Bool {
        let rows = pages[page].rows
        guard rows[row].count >= 3, row + 1 < rows.count else { return false }
        let next = rows[row + 1]
        guard next.count >= 3, !next.indices.contains(where: { labels[CellRef(page: page, row: row + 1, column: $0)] != nil })
        else { return false }
        return next.filter { AmountParser.amount($0.text) != nil }.count >= 2
    }

    /// Cells of the block under a label (a customer or seller address, with its VAT id):
    /// following rows whose cell starts near the label's left edge, until a gap or another
    /// party's label.
    func block(below ref: CellRef, maxRows: Int = 7) -> [CellRef] {
        let partyKinds: Set<LabelKind> = [.billTo, .seller, .shipTo, .documentTitle]
        var result: [CellRef] = []
        var current = ref
        while result.count < maxRows, let next = below(of: current, maxLines: 2.2) {
            let label = self[ref]
            let cell = self[next]
            // Another party's label ends the block; an attention line starting with a party
            // word (`A la atención de …`, `À l'attention de …`) is part of it.
            guard abs(cell.box.x0 - label.box.x0) < 3 * label.lineHeight,
                  !(labels[next]?.kinds.contains(where: partyKinds.contains) ?? false) || AttentionLine.matches(cell.text) else { break }
            result.append(next)
            current = next
        }
        return result
    }
}
