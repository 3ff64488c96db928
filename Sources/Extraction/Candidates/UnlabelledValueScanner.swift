/// Values whose format alone identifies them, found wherever they are printed: IBANs (mod-97),
/// RF creditor references (mod-97) and country-prefixed VAT numbers. They score below the same
/// value behind a label, so a label wins when there is one.
enum UnlabelledValueScanner {
    static func scan(layout: DocumentLayout, claimed: Set<CellRef>, order: DateOrder) -> [FieldCandidate] {
        var found: [FieldCandidate] = []
        for ref in layout.allCells {
            let cell = layout[ref]
            let text = layout.labels[ref]?.remainder ?? cell.text
            // Everything scanned for here holds digits.
            guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { continue }
            // The mod-97 check makes an IBAN safe to take wherever it is printed.
            let ibans = text.utf8.count >= 15 ? IBANValidator.ibans(in: text) : []
            for iban in ibans {
                found.append(FieldCandidate(field: .iban, value: iban, score: 0.75, cell: ref, box: cell.box, raw: cell.text))
            }
            if text.containsBytes("+++") || text.containsBytes("***") {
                for reference in BelgianStructuredReference.references(in: text) {
                    found.append(FieldCandidate(field: .paymentReference, value: reference, score: 0.7, cell: ref, box: cell.box, raw: cell.text))
                }
            }
            found += keywordValues(in: text, cell: ref, layout: layout)
            // `NO 671 341 427 MVA` reads as the generic label `No` before a number (and is claimed
            // as one): a cell that is a whole VAT number is the VAT id all the same.
            if let match = layout.labels[ref], match.strength < 1, let vat = TaxIdParser.vatNumber(cell.text) {
                found.append(FieldCandidate(field: .vendorTaxId, value: vat, score: 0.5, cell: ref, box: cell.box, raw: cell.text))
            }
            if claimed.contains(ref) { continue }
            if ref.page == 0, cell.box.y1 < layout.pages[0].height * 0.5, let date = placeAndDate(text, order: order) {
                found.append(FieldCandidate(field: .invoiceDate, value: date.description, score: 0.45, cell: ref, box: cell.box, raw: cell.text))
            }
            // Behind a distractor label (customer's VAT id, company register, customer number)
            // only the checksum-proven IBAN above is taken.
            if let match = layout.labels[ref], match.kinds.contains(where: \.isDistractor) { continue }
            let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
            for (i, token) in tokens.enumerated() {
                // RF references are printed in groups of four: try the longest run first.
                if token.uppercased().hasPrefix("RF") {
                    for end in stride(from: min(tokens.count, i + 7), to: i, by: -1) {
                        if let rf = CreditorReference.normalized(tokens[i..<end].joined()) {
                            found.append(FieldCandidate(field: .paymentReference, value: rf, score: 0.6, cell: ref, box: cell.box, raw: cell.text))
                            break
                        }
                    }
                }
                // A VAT-shaped prefix of an IBAN (`BE32 9188 0247…`) is not a VAT number.
                if ibans.isEmpty, token.count >= 2, token.prefix(2).allSatisfy({ $0.isUppercase }) {
                    for end in stride(from: min(tokens.count, i + 5), to: i, by: -1) {
                        if let vat = TaxIdParser.vatNumber(tokens[i..<end].joined()) {
                            found.append(FieldCandidate(field: .vendorTaxId, value: vat, score: 0.5, cell: ref, box: cell.box, raw: cell.text))
                            break
                        }
                    }
                }
            }
        }
        return found
    }

    /// Self-checking values named by a keyword inside running text, where no label starts a
    /// cell: `Betala till bankgiro 5050-1055`, `Bank of Ireland IBAN … BIC BOFIIE2D`.
    private static func keywordValues(in text: String, cell ref: CellRef, layout: DocumentLayout) -> [FieldCandidate] {
        let words = TextFolding.words(text)
        let giroKeyword = words.contains("bankgiro") || words.contains("bg")
        // A token equal to `bic` once its punctuation is trimmed is also the folded word `bic`:
        // most cells name neither, and skip the tokenising below.
        guard giroKeyword || words.contains("bic") || words.contains("swift") else { return [] }
        let tokens = text.split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: tokenPunctuation) }
        let cell = layout[ref]
        func candidate(_ field: InvoiceField, _ value: String) -> FieldCandidate {
            FieldCandidate(field: field, value: value, score: 0.8, cell: ref, box: cell.box, raw: cell.text)
        }
        var found: [FieldCandidate] = []
        if giroKeyword {
            found += tokens.filter { $0.contains("-") }.compactMap(SwedishGiro.bankgiro).map { candidate(.bankgiro, $0) }
        }
        // The BIC is the token right after its keyword (a BIC-shaped word elsewhere may be prose).
        for (i, token) in tokens.enumerated().dropLast() where ["bic", "swift"].contains(token.lowercased()) {
            if let bic = BICParser.normalized(tokens[i + 1]), bic.contains(where: \.isNumber) || tokens[i + 1] == tokens[i + 1].uppercased() {
                found.append(candidate(.bic, bic))
            }
        }
        return found
    }

    /// Punctuation around a token, keeping the hyphen of `5050-1055`. Built once: deriving a
    /// CharacterSet per cell was a tenth of all extraction time.
    private static let tokenPunctuation = CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "-"))

    /// Letters are dated `Place, date` (`Rosenheim, den 7. März 2024`, `Paris, le 5 mars 2024`,
    /// `Milano, 5 marzo 2024`): the invoice date when no label gives one.
    static func placeAndDate(_ text: String, order: DateOrder) -> CivilDate? {
        guard let comma = text.firstIndex(of: ","), text[..<comma].allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "." }),
              text[..<comma].contains(where: \.isLetter) else { return nil }
        let rest = text[text.index(after: comma)...]
        let words = TextFolding.words(String(rest))
        let connectors: Set<String> = ["den", "le", "il", "el", "a", "am", "the", "on", "op", "de"]
        guard let first = words.first, first.first?.isNumber == true || connectors.contains(first) || MonthNames.month(for: first) != nil,
              words.count <= 6, let parsed = DateParser.date(String(rest), order: order) else { return nil }
        return parsed.date
    }
}

import Foundation
