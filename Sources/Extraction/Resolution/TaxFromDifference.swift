/// A tax line whose label the lexicon does not know (`NM GRT 8.1875 %`, a local levy) is still
/// found by arithmetic: an amount printed in the totals block equal to TotalAmount − Subtotal.
enum TaxFromDifference {
    static func find(total: AmountCandidate?, subtotal: AmountCandidate?, in layout: DocumentLayout) -> FieldCandidate? {
        guard let total, let subtotal, total.cell.page == subtotal.cell.page else { return nil }
        let difference = total.amount - subtotal.amount
        guard difference.cents > 0 else { return nil }
        let top = min(total.box.y0, subtotal.box.y0), bottom = max(total.box.y1, subtotal.box.y1)
        let page = layout.pages[total.cell.page]
        for (r, row) in page.rows.enumerated() {
            for (c, cell) in row.enumerated() where cell.box.y0 >= top && cell.box.y1 <= bottom {
                guard AmountParser.amounts(in: cell.text).last?.value == difference else { continue }
                return FieldCandidate(field: .taxAmount, value: difference.description, score: 0.6,
                                      cell: CellRef(page: total.cell.page, row: r, column: c), box: cell.box, raw: cell.text)
            }
        }
        return nil
    }
}
