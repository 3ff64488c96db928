/// Labels printed on two lines in a narrow table column (`Invoice` over `Date`, `N°` over
/// `de facture`, `Betalas` over `senast`), with the value in the row below. Neither line is
/// the label alone, so the lines are read together and the lower one, nearest the value,
/// carries the label.
extension DocumentLayout {
    static func joinStackedLabels(pages: [PageLayout], labels: inout [CellRef: LabelMatch], matcher: LabelMatcher) {
        for (p, page) in pages.enumerated() {
            for r in page.rows.indices.dropFirst() {
                for (c, lower) in page.rows[r].enumerated() {
                    guard let a = upperLine(of: lower, in: page.rows[r - 1]) else { continue }
                    let upper = page.rows[r - 1][a]
                    // Both lines are a few words (a run of leader dots is no label; values have digits).
                    guard lower.words.count <= 3, upper.words.count <= 3, lower.text.contains(where: \.isLetter),
                          upper.text.contains(where: \.isLetter), !lower.text.contains(where: \.isNumber),
                          !upper.text.contains(where: \.isNumber) else { continue }
                    let lowerRef = CellRef(page: p, row: r, column: c)
                    let upperRef = CellRef(page: p, row: r - 1, column: a)
                    // The two lines must form a specific label and nothing else: a value after it
                    // would make it a `Label: value` line under a heading.
                    guard let joined = matcher.match(upper.text + " " + lower.text), joined.strength >= 1,
                          joined.remainder.isEmpty, labels[upperRef]?.remainder.isEmpty ?? true,
                          labels[lowerRef]?.remainder.isEmpty ?? true else { continue }
                    // The lower line may be a generic label alone (`Date`, `Nr`) or a title word
                    // (`faktury`), never a specific one: a specific label under another is the next
                    // row of a totals or meta block (`21% btw` over `Totaalbedrag`).
                    if isSpecific(labels[lowerRef]) { continue }
                    // A value right of the upper line makes it a label (or title) of its own.
                    let right = page.rows[r - 1].indices.contains(a + 1) ? page.rows[r - 1][a + 1] : nil
                    if let right, labels[CellRef(page: p, row: r - 1, column: a + 1)] == nil,
                       right.text.contains(where: \.isASCIIDigit) { continue }
                    labels[lowerRef] = joined
                    labels[upperRef] = nil
                }
            }
        }
    }

    /// Title and party words (`Invoice`, `Customer`) also head stacked columns
    /// (`Invoice`/`Date`, `Customer`/`No.`); they do not count as specific here.
    private static let headingKinds: Set<LabelKind> = [.documentTitle, .billTo, .seller, .shipTo]

    private static func isSpecific(_ match: LabelMatch?) -> Bool {
        guard let match else { return false }
        return match.strength >= 1 && !match.kinds.allSatisfy(headingKinds.contains)
    }

    /// The cell of the row above that sits right over `cell`: left edges aligned (or the
    /// boxes overlapping most of the narrower width), the same text size, no blank line between.
    private static func upperLine(of cell: LayoutCell, in row: [LayoutCell]) -> Int? {
        for (index, candidate) in row.enumerated() {
            let gap = cell.box.y0 - candidate.box.y1
            let narrower = min(cell.box.x1 - cell.box.x0, candidate.box.x1 - candidate.box.x0)
            guard gap < 0.8 * cell.lineHeight, gap > -0.5 * cell.lineHeight,
                  abs(candidate.lineHeight - cell.lineHeight) < 0.3 * cell.lineHeight,
                  abs(candidate.box.x0 - cell.box.x0) < cell.lineHeight || cell.horizontalOverlap(with: candidate.box) > 0.6 * narrower
            else { continue }
            return index
        }
        return nil
    }
}
