import PDF

/// Finds the vendor's and the customer's names. The customer is what a "Bill to" label
/// introduces; the vendor is what a "From" label introduces, or else the company-looking line
/// at the top of the first page (or repeated in the footer) that is not in the customer block.
struct PartyResolver {
    struct Party { var candidate: FieldCandidate; var confidence: Double }
    private(set) var customer: Party?
    private(set) var vendor: Party?
    /// Cells of the customer's address block (its VAT id there is the customer's).
    private(set) var customerBlock: Set<CellRef> = []

    init(layout: DocumentLayout, claimed: Set<CellRef>) {
        if let (label, nameCell, confidence) = Self.labelledParty(.billTo, in: layout) {
            customer = Party(candidate: Self.candidate(.customerName, layout, nameCell, labelCell: label, confidence),
                             confidence: confidence)
            customerBlock = Set([label, nameCell] + layout.block(below: nameCell))
        }
        // A delivery address block is the customer's too, never the vendor's.
        var excluded = customerBlock
        if let (label, nameCell, _) = Self.labelledParty(.shipTo, in: layout) {
            excluded.formUnion([label, nameCell] + layout.block(below: nameCell))
        }
        if let (label, nameCell, confidence) = Self.labelledParty(.seller, in: layout) {
            vendor = Party(candidate: Self.candidate(.vendorName, layout, nameCell, labelCell: label, confidence),
                           confidence: confidence)
        } else {
            vendor = Self.unlabelledVendor(layout: layout, claimed: claimed, excluding: excluded,
                                           customerName: customer?.candidate.value)
        }
        // A delivery address is the customer's when no bill-to label names one.
        if customer == nil, let (label, nameCell, confidence) = Self.labelledParty(.shipTo, in: layout) {
            customer = Party(candidate: Self.candidate(.customerName, layout, nameCell, labelCell: label, confidence * 0.75),
                             confidence: confidence * 0.75)
            customerBlock = Set([label, nameCell] + layout.block(below: nameCell))
        }
        if customer == nil, let found = Self.unlabelledCustomer(layout: layout, claimed: claimed, vendor: vendor?.candidate) {
            customer = found
            customerBlock = Set([found.candidate.cell] + layout.block(below: found.candidate.cell))
        }
    }

    private static func candidate(_ field: InvoiceField, _ layout: DocumentLayout, _ ref: CellRef, labelCell: CellRef,
                                  _ score: Double) -> FieldCandidate {
        let cell = layout[ref]
        // A name cell under its label is taken whole, even if it starts with a label word.
        let value = nameSegment(ref == labelCell ? (layout.labels[ref]?.remainder ?? cell.text) : cell.text)
        return FieldCandidate(field: field, value: value, score: score, cell: ref,
                              box: ref == labelCell ? cell.box(ofSuffix: value) : cell.box, raw: value)
    }

    /// The first label of `kind` in reading order with a name after it, inline or below.
    private static func labelledParty(_ kind: LabelKind, in layout: DocumentLayout) -> (CellRef, CellRef, Double)? {
        for (ref, match) in layout.labels.sorted(by: { $0.key < $1.key }) where match.kinds.contains(kind) {
            // Labels like `Customer` also head table columns; a party label sits in the upper
            // part of its page.
            guard layout[ref].box.y0 < layout.pages[ref.page].height * 0.6 else { continue }
            if !match.remainder.isEmpty, !isOnlyPartyLabels(match.remainder, in: layout) {
                // `Bill to: ACME Ltd`; without the colon, `An` or `To` may just start a sentence,
                // and `Van`, `Von`, `Fra` start family names (`Van Dijk Techniek B.V.`).
                if looksLikeName(match.remainder),
                   match.endsWithColon || CompanyLexicon.hasLegalForm(match.remainder) && !isNameParticle(match.phrase) {
                    return (ref, ref, 0.85)
                }
                continue
            }
            if let right = layout.right(of: ref), layout.labels[right] == nil, looksLikeName(layout[right].text),
               layout[right].box.x0 - layout[ref].box.x1 < 8 * layout[ref].lineHeight {
                return (ref, right, 0.85)
            }
            // The name under the label, past an attention line printed first (`Attn: …`).
            if var below = layout.below(of: ref, maxLines: 2.5) {
                if AttentionLine.matches(layout[below].text), let next = layout.below(of: below, maxLines: 2.2) { below = next }
                if looksLikeName(layout[below].text), isUnlabelledOrNamed(below, in: layout) {
                    return (ref, below, 0.9)
                }
            }
        }
        return nil
    }

    /// A one-word label of up to three letters (`Van`, `Von`, `An`, `Fra`, `Til`): also the
    /// first word of many names, so a label only when a colon follows it.
    static func isNameParticle(_ phrase: String) -> Bool {
        let words = TextFolding.words(phrase)
        return words.count == 1 && words[0].count <= 3
    }

    /// A cell that starts with a label word but has no colon and more words after it may be a
    /// name (`Van den Berg B.V.` under `Factuuradres`, `Transport Schmidt GmbH`).
    static func isUnlabelledOrNamed(_ ref: CellRef, in layout: DocumentLayout) -> Bool {
        guard let match = layout.labels[ref] else { return true }
        return !match.endsWithColon && !match.remainder.isEmpty && !match.remainder.contains(where: \.isASCIIDigit)
    }

    /// The name at the head of a one-line address (`Kühlhaus Nord GmbH · Am Hafen 3 · 24103
    /// Kiel` → `Kühlhaus Nord GmbH`): cut at the first separator after which digits follow.
    static func nameSegment(_ text: String) -> String {
        for separator in [" · ", " | ", " • ", " – ", " - ", ", "] {
            // The byte search first: `range(of:)` is slow, and most cells hold no separator.
            guard text.containsBytes(separator), let range = text.range(of: separator) else { continue }
            let head = String(text[..<range.lowerBound]).trimmingWhitespace()
            if looksLikeName(head), text[range.upperBound...].contains(where: \.isASCIIDigit),
               !head.contains(where: \.isASCIIDigit) || CompanyLexicon.hasLegalForm(head) {
                return head
            }
        }
        return text
    }

    /// A street with the house number after it, as most of Europe writes it (`Berggatan 14`,
    /// `Lindenstraße 5a`, `Calle Mayor, 10`, `Via Roma 151`); a company name with a legal form
    /// is never one.
    static func isStreetLine(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 2, let last = words.last, !CompanyLexicon.hasLegalForm(text),
              words.dropLast().contains(where: { $0.contains(where: \.isLetter) }) else { return false }
        // `14`, `5a`, `14-16`, `7/2`: up to four digits, an optional letter or a second number.
        let digits = last.prefix(while: \.isASCIIDigit)
        guard (1...4).contains(digits.count) else { return false }
        let rest = last.dropFirst(digits.count)
        return rest.isEmpty || (rest.count == 1 && rest.first!.isLetter)
            || ((rest.first == "-" || rest.first == "/") && rest.dropFirst().allSatisfy(\.isASCIIDigit) && rest.count <= 5)
    }

    /// An amount with cents or a currency (a postcode is a bare number).
    private static func isMoney(_ text: String) -> Bool {
        AmountParser.amounts(in: text).contains(where: \.looksLikeMoney)
    }

    /// `Deliver to / Invoice to`: the rest of the label cell is another party label.
    private static func isOnlyPartyLabels(_ text: String, in layout: DocumentLayout) -> Bool {
        let rest = String(text.drop { $0 == "/" || $0 == "&" || $0 == "+" || $0 == " " })
        guard let match = LabelMatcher.shared.match(rest) else { return false }
        return match.remainder.isEmpty && match.kinds.contains { $0 == .billTo || $0 == .seller || $0 == .shipTo }
    }

    /// Letters, not an address, phone, e-mail or amount.
    static func looksLikeName(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter).count
        let digits = text.filter(\.isASCIIDigit).count
        guard letters >= 2, digits * 3 <= letters, !text.containsBytes("@"), !text.lowercased().containsBytes("www."),
              !text.lowercased().hasPrefix("http") else { return false }
        return true
    }

    /// Without a bill-to label, the recipient is the first address block in the upper part
    /// of the first page that is not the vendor's: a name line followed by a street line and
    /// a postcode line (the envelope-window address of a business letter).
    private static func unlabelledCustomer(layout: DocumentLayout, claimed: Set<CellRef>, vendor: FieldCandidate?) -> Party? {
        guard let first = layout.pages.first else { return nil }
        var vendorCells: Set<CellRef> = []
        if let vendor { vendorCells = Set([vendor.cell] + layout.block(below: vendor.cell)) }
        for ref in layout.allCells where ref.page == 0 {
            let cell = layout[ref]
            guard cell.box.y1 < first.height * 0.4, !vendorCells.contains(ref), !claimed.contains(ref),
                  isUnlabelledOrNamed(ref, in: layout), looksLikeName(cell.text), cell.text.first?.isNumber != true,
                  !isStreetLine(cell.text), !AttentionLine.matches(cell.text),
                  cell.text != vendor?.value, !layout.isTableHeader(page: 0, row: ref.row),
                  !CompanyLexicon.countries.contains(TextFolding.words(cell.text).joined(separator: " ")) else { continue }
            // An address: unlabelled lines that are not amounts, a street with a number, a postcode.
            let address = layout.block(below: ref).filter { !AttentionLine.matches(layout[$0].text) }
                .prefix { layout.labels[$0] == nil && !Self.isMoney(layout[$0].text) }
            // A label word may only start the name as a family-name particle (`Van Dijk B.V.`).
            let nameLike = layout.labels[ref].map { !$0.endsWithColon && !$0.remainder.isEmpty && isNameParticle($0.phrase) } ?? true
            guard address.count >= 2, nameLike, layout[address[address.startIndex]].text.contains(where: \.isASCIIDigit),
                  address.prefix(3).contains(where: { PostalCode.appears(in: layout[$0].text) }) else { continue }
            let score = CompanyLexicon.hasLegalForm(cell.text) ? 0.65 : 0.55
            return Party(candidate: FieldCandidate(field: .customerName, value: cell.text, score: score, cell: ref,
                                                   box: cell.box, raw: cell.text), confidence: score)
        }
        return nil
    }

    private static func unlabelledVendor(layout: DocumentLayout, claimed: Set<CellRef>, excluding block: Set<CellRef>,
                                         customerName: String?) -> Party? {
        guard let first = layout.pages.first else { return nil }
        let customerFolded = customerName.map(TextFolding.fold)
        var occurrences: [String: Int] = [:]
        // Counted by the name a cell starts with, so the sender line above the address window
        // (`Kühlhaus Nord GmbH · Am Hafen 3 · Kiel`) repeats the footer's name.
        for ref in layout.allCells { occurrences[TextFolding.fold(nameSegment(layout[ref].text)), default: 0] += 1 }
        let lastPage = layout.pages.count - 1
        let heights = layout.allCells.map { layout[$0].lineHeight }.sorted()
        let medianHeight = heights.isEmpty ? 10 : heights[heights.count / 2]

        var best: (FieldCandidate, Double)?
        var rank = 0
        var tableHeaders: [CellRef: Bool] = [:]   // per (page, row), column 0
        for ref in layout.allCells {
            let cell = layout[ref]
            let page = layout.pages[ref.page]
            let inHeader = ref.page == 0 && cell.box.y1 < first.height * 0.35
            let inFooter = ref.page == lastPage && cell.box.y0 > page.height * 0.75
            guard inHeader || inFooter, !block.contains(ref), !claimed.contains(ref), isUnlabelledOrNamed(ref, in: layout),
                  looksLikeName(cell.text), cell.text.count >= 3 else { continue }
            let folded = TextFolding.fold(cell.text)
            if folded == customerFolded { continue }
            // An address line starts (`5 Harbour Row, Co. Cork`) or ends (`Berggatan 14`) with
            // its house number; a table header row has several cells.
            if cell.text.first?.isNumber == true || isStreetLine(cell.text) || AttentionLine.matches(cell.text) { continue }
            let rowKey = CellRef(page: ref.page, row: ref.row, column: 0)
            let isHeader = tableHeaders[rowKey] ?? layout.isTableHeader(page: ref.page, row: ref.row)
            tableHeaders[rowKey] = isHeader
            if isHeader { continue }
            if CompanyLexicon.countries.contains(TextFolding.words(cell.text).joined(separator: " ")) { continue }
            var score = 0.3
            if CompanyLexicon.hasLegalForm(cell.text) { score += 0.2 }
            if (occurrences[TextFolding.fold(nameSegment(cell.text))] ?? 0) >= 2 { score += 0.15 }
            // Letterheads print the seller's name large.
            if cell.lineHeight > medianHeight * 1.3 { score += 0.25 } else if cell.lineHeight > medianHeight * 1.1 { score += 0.1 }
            if inHeader {
                score += max(0, 0.15 - 0.05 * Double(rank))
                rank += 1
            }
            if let below = layout.below(of: ref, maxLines: 2), layout[below].text.contains(where: \.isASCIIDigit) {
                score += 0.1   // an address follows
                // …and the seller's registration or bank details on that line: a footer.
                let sellerKinds: Set<LabelKind> = [.vendorTaxId, .iban, .companyRegistration, .bic, .bankgiro, .plusgiro, .bankAccount]
                if inFooter, [ref.row, below.row].contains(where: { row in
                    layout.pages[below.page].rows[row].indices.contains(where: { column in
                        layout.labels[CellRef(page: below.page, row: row, column: column)]?.kinds.contains(where: sellerKinds.contains) ?? false
                    })
                }) {
                    score += 0.2
                }
            }
            if best == nil || score > best!.1 {
                best = (FieldCandidate(field: .vendorName, value: Self.nameSegment(cell.text), score: score, cell: ref,
                                       box: cell.box, raw: cell.text), score)
            }
        }
        guard let (candidate, score) = best else { return nil }
        return Party(candidate: candidate, confidence: min(0.95, score))
    }
}
