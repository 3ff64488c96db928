import XCTest
@testable import Extraction

final class LabelMatcherTests: XCTestCase {
    private let matcher = LabelMatcher.shared

    func testSpellingsOfOneLabelMatchTheSameKind() {
        let cases: [(String, LabelKind)] = [
            ("Invoice No.", .invoiceNumber), ("Invoice #", .invoiceNumber), ("INVOICE NUMBER:", .invoiceNumber),
            ("Rechnungsnummer", .invoiceNumber), ("Rechnungs-Nr.:", .invoiceNumber), ("Facture n°", .invoiceNumber),
            ("Fakturanr", .invoiceNumber), ("Nº de factura", .invoiceNumber), ("N. fattura", .invoiceNumber),
            ("Rechnungsdatum", .invoiceDate), ("Date of issue", .invoiceDate), ("Fakturadatum", .invoiceDate),
            ("Fällig am", .dueDate), ("Date d'échéance", .dueDate), ("Förfallodag", .dueDate), ("Scadenza", .dueDate),
            ("Lieferdatum", .deliveryDate), ("Fecha de pedido", .orderDate),
            ("Total excl. MwSt.", .subtotal), ("Summa exkl. moms", .subtotal), ("Totaal exclusief BTW", .subtotal),
            ("Total TTC", .grandTotal), ("Totale fattura", .grandTotal), ("Gesamtbetrag", .grandTotal),
            ("Net à payer", .amountDue), ("Zahlbetrag", .amountDue), ("Balance due", .amountDue),
            ("Total VAT", .taxTotal), ("Totaal btw", .taxTotal),
            ("USt-IdNr.", .vendorTaxId), ("Btw-nummer", .vendorTaxId), ("Partita IVA", .vendorTaxId), ("NIF", .vendorTaxId),
            ("Ihre USt-IdNr.", .customerTaxId), ("N° TVA client", .customerTaxId), ("Your VAT number", .customerTaxId),
            ("Ihre Bestellnr.", .purchaseOrder), ("Your order no.", .purchaseOrder), ("Er referens", .purchaseOrder),
            ("Kundennummer", .customerNumber), ("Code client", .customerNumber),
            ("Steuernummer", .companyRegistration), ("KvK", .companyRegistration), ("Org.nr", .companyRegistration),
            ("Betalingskenmerk", .paymentReference), ("OCR-nummer", .paymentReference),
            ("Bill to", .billTo), ("Rechnungsempfänger", .billTo), ("Facturé à", .billTo), ("Faktureras till", .billTo),
            ("Plusgiro", .plusgiro), ("Bankgiro", .bankgiro),
            ("I.V.A. 21%", .tax), ("C.I.F.", .vendorTaxId), ("P.O. #", .purchaseOrder), ("Total T.T.C.", .grandTotal),
        ]
        for (text, kind) in cases {
            XCTAssertEqual(matcher.match(text)?.kinds.contains(kind), true, "\(text) → \(String(describing: matcher.match(text)?.kinds))")
        }
    }

    /// Danish, Norwegian, Portuguese and Polish wordings, and English ones seen on real invoices.
    func testLabelsOfFurtherLanguages() {
        let cases: [(String, LabelKind)] = [
            ("Fakturadato", .invoiceDate), ("Forfaldsdato", .dueDate), ("Forfallsdato", .dueDate), ("Betalingsfrist", .dueDate),
            ("Leveringsdato", .deliveryDate), ("I alt", .grandTotal), ("Sum inkl. mva", .grandTotal), ("At betale", .amountDue),
            ("Å betale", .amountDue), ("Beløb ekskl. moms", .subtotal), ("Sum eks. mva", .subtotal), ("Moms i alt", .taxTotal),
            ("Jeres ordrenr.", .purchaseOrder), ("Deres bestillingsnr.", .purchaseOrder), ("Kundenr.", .customerNumber),
            ("CVR-nr.", .vendorTaxId), ("MVA-nr.", .vendorTaxId), ("Kundens CVR-nr.", .customerTaxId), ("KID", .paymentReference),
            ("Faktureres til", .billTo),
            ("Fatura n.º", .invoiceNumber), ("Data de emissão", .invoiceDate), ("Data de vencimento", .dueDate),
            ("Total ilíquido", .subtotal), ("Base tributável", .subtotal), ("Total c/ IVA", .grandTotal),
            ("Sua encomenda", .purchaseOrder), ("Contribuinte n.º", .vendorTaxId), ("NIF cliente", .customerTaxId),
            ("Numer faktury", .invoiceNumber), ("Data wystawienia", .invoiceDate), ("Termin płatności", .dueDate),
            ("Data sprzedaży", .deliveryDate), ("Wartość netto", .subtotal), ("Wartość brutto", .grandTotal),
            ("Do zapłaty", .amountDue), ("Kwota VAT", .taxTotal), ("NIP", .vendorTaxId), ("NIP nabywcy", .customerTaxId),
            ("Nabywca", .billTo), ("Sprzedawca", .seller), ("Nr zamówienia", .purchaseOrder),
            ("Amount before tax", .subtotal), ("Customer PO", .purchaseOrder), ("Paid to date", .deposit),
            ("Sales invoice", .documentTitle), ("Client ref.", .customerNumber), ("Bestellzeichen", .purchaseOrder),
            ("Vto.", .dueDate), ("Data scad.", .dueDate), ("Fecha de operación", .deliveryDate), ("Réf. virement", .paymentReference),
            ("Invoice issue date", .invoiceDate), ("P.O. Box", .otherReference), ("Postfach", .otherReference),
        ]
        for (text, kind) in cases {
            XCTAssertEqual(matcher.match(text)?.kinds.contains(kind), true, "\(text) → \(String(describing: matcher.match(text)?.kinds))")
        }
    }

    /// Labels outside the lexicon, told apart by their words.
    func testGuessedLabels() {
        let cases: [(String, LabelKind?)] = [
            ("Date of this bill", .invoiceDate), ("Datum der Rechnungsstellung", .invoiceDate), ("Bill issued", .invoiceDate),
            ("Date de l'avis", .invoiceDate), ("Kindly pay before", .dueDate), ("Zahlung spätestens bis", .dueDate),
            ("Uiterste datum betaling", .dueDate), ("Date limite", .dueDate), ("Vencto.", .dueDate),
            ("Valid until", nil), ("Delivery date", nil), ("Order date", nil), ("Start date", nil), ("Thank you", nil),
            ("Amount 12.00", nil), ("Quote date", nil),
            ("Bill #", .invoiceNumber), ("Document ref.", .invoiceNumber), ("Client PO ref", .purchaseOrder),
            ("Auftrag Nr.", .purchaseOrder), ("Customer no.", nil), ("VAT no.", nil), ("Delivery note no.", nil),
            ("Page no.", nil), ("Position no.", nil), ("Billing No.", .invoiceNumber), ("Pagar até", .dueDate),
            ("À régler au plus tard le", .dueDate), ("Ausgestellt", .invoiceDate), ("Kundens org.nr.", nil),
        ]
        for (text, kind) in cases {
            XCTAssertEqual(LabelGuess.guess(text)?.kinds.first, kind, text)
        }
        let amounts: [(String, [LabelKind])] = [
            ("Net value of the order", [.subtotal]), ("Endsumme brutto", [.grandTotal]), ("Totalt belopp", [.grandTotal]),
            ("Total to pay", [.dueDate, .amountDue]), ("Total paid", []), ("VAT charged", [.taxTotal]), ("Net weight", []), ("Discount total", []),
            ("Somme à payer TTC", [.dueDate, .amountDue]), ("Value before VAT", [.dueDate, .subtotal]),
            ("Kwota bez VAT", [.subtotal]), ("Sum før mva", [.subtotal]), ("Pre-tax total", [.subtotal]), ("Taxable value", [.subtotal]),
            ("Invoice code", [.invoiceNumber]), ("Order ID", [.purchaseOrder]), ("Customer ID", []),
        ]
        for (text, kinds) in amounts {
            XCTAssertEqual(LabelGuess.guess(text)?.kinds ?? [], kinds, text)
        }
        XCTAssertEqual(LabelGuess.guess("Date of this bill: 05.03.2024")?.remainder, "05.03.2024")
        // Without a colon the value starts at the first number, or the month name before it.
        XCTAssertEqual(LabelGuess.guess("Settlement date 18/08/2025")?.remainder, "18/08/2025")
        XCTAssertEqual(LabelGuess.guess("Date raised Nov 9, 2024")?.remainder, "Nov 9, 2024")
        XCTAssertEqual(LabelGuess.guess("Date raised Nov 9, 2024")?.kinds, [.invoiceDate])
    }

    func testRemainderAndColon() {
        let match = matcher.match("Invoice No.: 2024-118")
        XCTAssertEqual(match?.remainder, "2024-118")
        XCTAssertEqual(match?.endsWithColon, true)
        XCTAssertEqual(matcher.match("Date: 05/03/2024")?.strength, LabelMatcher.genericWithColonStrength)
        XCTAssertEqual(matcher.match("Date 05/03/2024")?.strength, LabelMatcher.genericStrength)
        XCTAssertEqual(matcher.match("Deposit -500,00")?.remainder, "-500,00")
    }

    func testNumberWordAfterLabelAndQualifiedTaxLabels() {
        XCTAssertEqual(matcher.match("Bon de commande n° : BC-7712")?.remainder, "BC-7712")
        // A label that already ends with a number word leaves the next `NO` to the value.
        XCTAssertEqual(matcher.match("MVA-nr. NO 731 745 967 MVA")?.remainder, "NO 731 745 967 MVA")
        XCTAssertEqual(matcher.match("INVOICE NO 4711")?.remainder, "4711")
        XCTAssertEqual(matcher.embeddedTaxLabel("SC Sales Tax 6%")?.kinds, [.taxTotal])
        XCTAssertNil(matcher.embeddedTaxLabel("Consulting services"))
    }

    func testBilingualLabels() {
        let match = matcher.match("Rechnungsnummer / Invoice number: 2024-118")
        XCTAssertEqual(match?.kinds.contains(.invoiceNumber), true)
        XCTAssertEqual(match?.remainder, "2024-118")
        XCTAssertEqual(matcher.match("Datum / Date: 05.03.2024")?.remainder, "05.03.2024")
        // Combined labels: the value may be what either names.
        let combined = matcher.match("St.-Nr./USt-IdNr.: DE 298 112 233")
        XCTAssertEqual(combined?.kinds.contains(.companyRegistration), true)
        XCTAssertEqual(combined?.kinds.contains(.vendorTaxId), true)
        XCTAssertEqual(combined?.remainder, "DE 298 112 233")
    }

    func testLeadingRateIsSkipped() {
        XCTAssertEqual(matcher.match("+ 19% MwSt.")?.kinds.contains(.tax), true)
        XCTAssertEqual(matcher.match("20 % TVA")?.kinds.contains(.tax), true)
        XCTAssertNil(matcher.match("20 pieces"))
    }

    func testPlaceAndDateLine() {
        XCTAssertEqual(UnlabelledValueScanner.placeAndDate("Rosenheim, den 7. März 2024", order: .dayFirst)?.description, "2024-03-07")
        XCTAssertEqual(UnlabelledValueScanner.placeAndDate("Paris, le 5 mars 2024", order: .dayFirst)?.description, "2024-03-05")
        XCTAssertNil(UnlabelledValueScanner.placeAndDate("Hauptstraße 5, 10115 Berlin", order: .dayFirst))
        XCTAssertNil(UnlabelledValueScanner.placeAndDate("Lieferung vom 01.03.2024", order: .dayFirst))
    }

    func testValuesAndProseAreNotLabels() {
        for text in ["PO-20829", "RE24-10452", "Consulting services", "1.234,56", "Müller Elektro GmbH"] {
            XCTAssertNil(matcher.match(text), text)
        }
    }
}
