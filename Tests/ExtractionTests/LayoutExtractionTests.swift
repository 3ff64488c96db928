import XCTest
import PDF
@testable import Extraction

/// Extraction on hand-built pages: each test is one layout family, independent of any PDF
/// reader, asserting the fields a clerk would read off it.
final class LayoutExtractionTests: XCTestCase {
    private let extractor = InvoiceExtractor()

    /// Label-left/value-right German invoice with a deposit: TotalAmount is the gross total,
    /// not the smaller Zahlbetrag; the seller's VAT id, not the customer's or the Steuernummer.
    func testGermanClassicLayoutWithDeposit() {
        var b = PageBuilder()
        b.text("Müller Elektro GmbH", x: 50, y: 50, size: 14)
        b.text("Hauptstraße 5", x: 50, y: 70)
        b.text("10115 Berlin", x: 50, y: 82)
        b.text("RECHNUNG", x: 400, y: 50, size: 16)
        b.text("Rechnungsempfänger", x: 50, y: 120)
        b.text("Nordlicht Logistik AG", x: 50, y: 134)
        b.text("Hafenweg 2", x: 50, y: 146)
        b.text("20457 Hamburg", x: 50, y: 158)
        b.text("Ihre USt-IdNr.: DE 987 654 321", x: 50, y: 170)
        b.text("Rechnungsnummer:", x: 330, y: 120); b.text("RE24-10452", x: 450, y: 120)
        b.text("Rechnungsdatum:", x: 330, y: 134); b.text("5. März 2024", x: 450, y: 134)
        b.text("Lieferdatum:", x: 330, y: 146); b.text("01.03.2024", x: 450, y: 146)
        b.text("Zahlbar bis:", x: 330, y: 158); b.text("04.04.2024", x: 450, y: 158)
        b.text("Ihre Bestellnummer:", x: 330, y: 170); b.text("4500123456", x: 450, y: 170)
        b.text("Kundennummer:", x: 330, y: 182); b.text("K-10023", x: 450, y: 182)
        b.text("Pos", x: 50, y: 220); b.text("Bezeichnung", x: 90, y: 220); b.text("Gesamt", x: 480, y: 220)
        b.text("1", x: 50, y: 236); b.text("Montage", x: 90, y: 236); b.text("1.000,00", x: 480, y: 236)
        b.text("Summe netto", x: 330, y: 270); b.text("1.000,00 €", x: 470, y: 270)
        b.text("MwSt. 19 %", x: 330, y: 284); b.text("190,00 €", x: 470, y: 284)
        b.text("Gesamtbetrag", x: 330, y: 298); b.text("1.190,00 €", x: 470, y: 298)
        b.text("Anzahlung", x: 330, y: 312); b.text("-500,00 €", x: 470, y: 312)
        b.text("Zahlbetrag", x: 330, y: 326); b.text("690,00 €", x: 470, y: 326)
        b.text("Müller Elektro GmbH", x: 50, y: 780, size: 8)
        b.text("USt-IdNr.: DE123456789", x: 200, y: 780, size: 8)
        b.text("Steuernummer: 12/345/67890", x: 200, y: 790, size: 8)
        b.text("IBAN: DE89 3704 0044 0532 0130 00", x: 380, y: 780, size: 8)
        b.text("BIC: COBADEFFXXX", x: 380, y: 790, size: 8)

        let fields = extractor.extract(pages: [b.page()])
        XCTAssertEqual(fields["InvoiceNumber"], "RE24-10452")
        XCTAssertEqual(fields["InvoiceDate"], "2024-03-05")
        XCTAssertEqual(fields["DueDate"], "2024-04-04")
        XCTAssertEqual(fields["TotalAmount"], "1190.00")
        XCTAssertEqual(fields["Subtotal"], "1000.00")
        XCTAssertEqual(fields["TaxAmount"], "190.00")
        XCTAssertEqual(fields["Currency"], "EUR")
        XCTAssertEqual(fields["VendorName"], "Müller Elektro GmbH")
        XCTAssertEqual(fields["CustomerName"], "Nordlicht Logistik AG")
        XCTAssertEqual(fields["VendorTaxId"], "DE123456789")
        XCTAssertEqual(fields["IBAN"], "DE89370400440532013000")
        XCTAssertEqual(fields["BIC"], "COBADEFFXXX")
        XCTAssertEqual(fields["PurchaseOrder"], "4500123456")
        XCTAssertNil(fields["PaymentReference"])
        XCTAssertNil(fields["Bankgiro"])
        for field in fields {
            XCTAssert((0...1).contains(field.confidence), field.name)
            XCTAssertEqual(field.page, 1)
        }
        XCTAssertGreaterThan(fields.confidence("TotalAmount") ?? 0, 0.8)
    }

    /// Labels above values (a header row), a US document: `03/05/2024` is March 5.
    func testStackedHeaderUSDatesAreMonthFirst() {
        var b = PageBuilder(width: 612, height: 792)
        b.text("Golden Gate Analytics Inc.", x: 50, y: 50, size: 14)
        b.text("127 Oak Avenue", x: 50, y: 70)
        b.text("Austin, TX 78701", x: 50, y: 82)
        b.text("INVOICE", x: 450, y: 50, size: 18)
        b.text("Bill To", x: 50, y: 120)
        b.text("Bluewater Supply Corp.", x: 50, y: 134)
        b.text("Invoice #", x: 50, y: 180); b.text("Invoice Date", x: 180, y: 180); b.text("Due Date", x: 320, y: 180)
        b.text("PO Number", x: 450, y: 180)
        b.text("FA2506772", x: 50, y: 194); b.text("03/05/2024", x: 180, y: 194); b.text("04/04/2024", x: 320, y: 194)
        b.text("PO-43945", x: 450, y: 194)
        b.text("Description", x: 50, y: 230); b.text("Amount", x: 480, y: 230)
        b.text("Consulting", x: 50, y: 246); b.text("$1,500.00", x: 480, y: 246)
        b.text("Subtotal", x: 350, y: 280); b.text("$1,500.00", x: 480, y: 280)
        b.text("Sales Tax (8.25%)", x: 350, y: 294); b.text("$123.75", x: 480, y: 294)
        b.text("Total", x: 350, y: 308); b.text("$1,623.75", x: 480, y: 308)
        b.text("EIN: 52-5905760", x: 50, y: 700)

        let fields = extractor.extract(pages: [b.page()])
        XCTAssertEqual(fields["InvoiceNumber"], "FA2506772")
        XCTAssertEqual(fields["InvoiceDate"], "2024-03-05")
        XCTAssertEqual(fields["DueDate"], "2024-04-04")
        XCTAssertEqual(fields["PurchaseOrder"], "PO-43945")
        XCTAssertEqual(fields["TotalAmount"], "1623.75")
        XCTAssertEqual(fields["Subtotal"], "1500.00")
        XCTAssertEqual(fields["TaxAmount"], "123.75")
        XCTAssertEqual(fields["Currency"], "USD")
        XCTAssertEqual(fields["VendorTaxId"], "52-5905760")
        XCTAssertEqual(fields["VendorName"], "Golden Gate Analytics Inc.")
        XCTAssertEqual(fields["CustomerName"], "Bluewater Supply Corp.")
    }

    /// Swedish: Bankgiro and OCR (Luhn-checked), Plusgiro and Org.nr are not fields, `kr` is SEK.
    func testSwedishPaymentNumbers() {
        var b = PageBuilder()
        b.text("Norrland Data AB", x: 50, y: 50, size: 14)
        b.text("Storgatan 76", x: 50, y: 70)
        b.text("Faktura", x: 450, y: 50, size: 16)
        b.text("Faktureras till", x: 50, y: 110)
        b.text("Lars Nilsson", x: 50, y: 124)
        b.text("Fakturanummer: 10452", x: 330, y: 110)
        b.text("Fakturadatum: 2024-03-05", x: 330, y: 124)
        b.text("Förfallodatum: 2024-04-04", x: 330, y: 138)
        b.text("Er referens: 4500566479", x: 330, y: 152)
        b.text("Summa exkl. moms", x: 330, y: 260); b.text("1 000,00 kr", x: 480, y: 260)
        b.text("Moms 25 %", x: 330, y: 274); b.text("250,00 kr", x: 480, y: 274)
        b.text("Att betala", x: 330, y: 288); b.text("1 250,00 kr", x: 480, y: 288)
        b.text("Bankgiro: 5050-1055", x: 50, y: 760, size: 8)
        b.text("Plusgiro: 95 57 31-5", x: 50, y: 770, size: 8)
        b.text("OCR: 749997714", x: 200, y: 760, size: 8)
        b.text("Org.nr: 556677-8899", x: 200, y: 770, size: 8)
        b.text("Momsreg.nr: SE556677889901", x: 350, y: 760, size: 8)

        let fields = extractor.extract(pages: [b.page()])
        XCTAssertEqual(fields["Bankgiro"], "5050-1055")
        XCTAssertEqual(fields["PaymentReference"], "749997714")
        XCTAssertEqual(fields["VendorTaxId"], "SE556677889901")
        XCTAssertEqual(fields["PurchaseOrder"], "4500566479")
        XCTAssertEqual(fields["Currency"], "SEK")
        XCTAssertEqual(fields["TotalAmount"], "1250.00")
        XCTAssertEqual(fields["TaxAmount"], "250.00")
        XCTAssertEqual(fields["InvoiceDate"], "2024-03-05")
        XCTAssertEqual(fields["CustomerName"], "Lars Nilsson")
    }

    /// Totals as a horizontal table, two VAT rates and no tax total printed: the TaxAmount is
    /// the sum of the rate lines.
    func testHorizontalTotalsWithTwoRatesSummed() {
        var b = PageBuilder()
        b.text("Bakker Installatietechniek B.V.", x: 50, y: 50, size: 14)
        b.text("Factuur aan", x: 50, y: 100)
        b.text("Pieter van Dijk", x: 50, y: 114)
        b.text("Factuurnummer: R6986862", x: 330, y: 100)
        b.text("Factuurdatum: 28 oktober 2023", x: 330, y: 114)
        b.text("Totaal excl. btw", x: 50, y: 300); b.text("BTW 21%", x: 170, y: 300); b.text("BTW 9%", x: 260, y: 300)
        b.text("Totaal", x: 470, y: 300)
        b.text("1.100,00", x: 50, y: 314); b.text("210,00", x: 170, y: 314); b.text("9,00", x: 260, y: 314)
        b.text("€ 1.319,00", x: 470, y: 314)
        b.text("IBAN: NL91 ABNA 0417 1643 00", x: 50, y: 400)
        b.text("Betalingskenmerk: RF18 5390 0754 7034", x: 50, y: 414)

        let fields = extractor.extract(pages: [b.page()])
        XCTAssertEqual(fields["Subtotal"], "1100.00")
        XCTAssertEqual(fields["TaxAmount"], "219.00")
        XCTAssertEqual(fields["TotalAmount"], "1319.00")
        XCTAssertEqual(fields["InvoiceDate"], "2023-10-28")
        XCTAssertEqual(fields["IBAN"], "NL91ABNA0417164300")
        XCTAssertEqual(fields["PaymentReference"], "RF18539007547034")
        XCTAssertEqual(fields["CustomerName"], "Pieter van Dijk")
    }

    /// `Label: value` pairs run together with single spaces on one line, Italian wording.
    func testRunTogetherLabelsItalian() {
        var b = PageBuilder()
        b.text("Rossi Forniture S.r.l.", x: 50, y: 50, size: 14)
        b.text("Spett.le", x: 330, y: 90)
        b.text("Bianchi Costruzioni S.p.A.", x: 330, y: 104)
        b.text("Fattura n. 2024/118 Data: 05/03/2024 Scadenza: 04/04/2024", x: 50, y: 160)
        b.text("Imponibile", x: 330, y: 300); b.text("1.000,00", x: 480, y: 300)
        b.text("IVA 22%", x: 330, y: 314); b.text("220,00", x: 480, y: 314)
        b.text("Totale documento", x: 330, y: 328); b.text("EUR 1.220,00", x: 470, y: 328)
        b.text("Partita IVA: IT12345678901", x: 50, y: 760, size: 8)
        b.text("IBAN: IT60 X054 2811 1010 0000 0123 456", x: 250, y: 760, size: 8)

        let fields = extractor.extract(pages: [b.page()])
        XCTAssertEqual(fields["InvoiceNumber"], "2024/118")
        XCTAssertEqual(fields["InvoiceDate"], "2024-03-05")
        XCTAssertEqual(fields["DueDate"], "2024-04-04")
        XCTAssertEqual(fields["TotalAmount"], "1220.00")
        XCTAssertEqual(fields["TaxAmount"], "220.00")
        XCTAssertEqual(fields["VendorTaxId"], "IT12345678901")
        XCTAssertEqual(fields["IBAN"], "IT60X0542811101000000123456")
        XCTAssertEqual(fields["CustomerName"], "Bianchi Costruzioni S.p.A.")
        XCTAssertEqual(fields["VendorName"], "Rossi Forniture S.r.l.")
    }

    /// No letterhead: the vendor is the footer line above the seller's registration and bank
    /// details, which run together with `·` separators; the customer is not the vendor.
    func testVendorFromFooterAndRunTogetherFooterIds() {
        var b = PageBuilder()
        b.text("FACTUUR", x: 40, y: 40, size: 18)
        b.text("Nummer: 24-0456", x: 330, y: 44)
        b.text("Datum: 14 maart 2024", x: 330, y: 58)
        b.text("Klant", x: 40, y: 110)
        b.text("Bakkerij Jansen", x: 40, y: 124)
        b.text("Markt 1", x: 40, y: 136)
        b.text("Totaal incl. BTW", x: 380, y: 258); b.text("€ 2.601,50", x: 480, y: 258)
        b.text("Schildersbedrijf Van Leeuwen", x: 40, y: 760, size: 8)
        b.text("Havenweg 5 · KvK 17012345 · BTW NL001234567B01 · IBAN NL02 ABNA 0123 4567 89 · Sort code: 1 BIC: ABNANL2A",
               x: 40, y: 770, size: 7)

        let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
        XCTAssertEqual(fields["VendorName"], "Schildersbedrijf Van Leeuwen")
        XCTAssertEqual(fields["CustomerName"], "Bakkerij Jansen")
        XCTAssertEqual(fields["VendorTaxId"], "NL001234567B01")
        XCTAssertEqual(fields["IBAN"], "NL02ABNA0123456789")
        XCTAssertEqual(fields["BIC"], "ABNANL2A")
        XCTAssertEqual(fields["InvoiceNumber"], "24-0456")
        XCTAssertEqual(fields["InvoiceDate"], "2024-03-14")
        XCTAssertEqual(fields["TotalAmount"], "2601.50")
    }

    /// No bill-to label: the envelope-window address under the letterhead is the customer.
    /// An unknown tax label is found by arithmetic; `Terms: Net 30` is not a subtotal.
    func testUnlabelledCustomerAndTaxByDifference() {
        var b = PageBuilder(width: 612, height: 792)
        b.text("Blue Mesa Landscaping", x: 40, y: 40, size: 16)
        b.text("2100 Canyon Rd, Santa Fe, NM 87501", x: 40, y: 60)
        b.text("Desert Rose Apartments LLC", x: 40, y: 110)
        b.text("55 Rodeo Rd", x: 40, y: 122)
        b.text("Santa Fe, NM 87505", x: 40, y: 134)
        b.text("Invoice #: 2024-0331", x: 400, y: 110)
        b.text("Date: 04/01/2024", x: 400, y: 124)
        b.text("Subtotal", x: 430, y: 300); b.text("1,175.00", x: 530, y: 300)
        b.text("NM GRT 8.1875%", x: 430, y: 314); b.text("96.20", x: 530, y: 314)
        b.text("Total", x: 430, y: 328); b.text("$1,271.20", x: 530, y: 328)
        b.text("Terms: Net 30", x: 40, y: 380)

        let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
        XCTAssertEqual(fields["CustomerName"], "Desert Rose Apartments LLC")
        XCTAssertEqual(fields["VendorName"], "Blue Mesa Landscaping")
        XCTAssertEqual(fields["Subtotal"], "1175.00")
        XCTAssertEqual(fields["TaxAmount"], "96.20")
        XCTAssertEqual(fields["TotalAmount"], "1271.20")
        XCTAssertEqual(fields["InvoiceDate"], "2024-04-01")
    }

    /// A combined `Deliver to / Invoice to` label, dot leaders, a bank line in prose.
    func testCombinedPartyLabelLeadersAndBankProse() {
        var b = PageBuilder()
        b.text("Shannon Valley Foods Ltd", x: 40, y: 40, size: 14)
        b.text("Invoice number ........ SVF-24-0612", x: 40, y: 96)
        b.text("Invoice date ........... 15-Mar-2024", x: 40, y: 110)
        b.text("Deliver to / Invoice to", x: 330, y: 96)
        b.text("The Burren Kitchen", x: 330, y: 110)
        b.text("Goods", x: 380, y: 220); b.text("670.00", x: 520, y: 220)
        b.text("VAT @ 0%", x: 380, y: 234); b.text("0.00", x: 520, y: 234)
        b.text("TOTAL EUR 670.00", x: 380, y: 250)
        b.text("Bank of Ireland IBAN IE29 AIBK 9311 5212 3456 78 BIC BOFIIE2D", x: 40, y: 290)

        let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
        XCTAssertEqual(fields["InvoiceNumber"], "SVF-24-0612")
        XCTAssertEqual(fields["InvoiceDate"], "2024-03-15")
        XCTAssertEqual(fields["CustomerName"], "The Burren Kitchen")
        XCTAssertEqual(fields["TotalAmount"], "670.00")
        XCTAssertEqual(fields["Subtotal"], "670.00")
        XCTAssertEqual(fields["TaxAmount"], "0.00")
        XCTAssertEqual(fields["IBAN"], "IE29AIBK93115212345678")
        XCTAssertEqual(fields["BIC"], "BOFIIE2D")
    }

    /// A summary row repeating net and tax before the gross: the rightmost amount is the total.
    func testTotalRowWithNetTaxGross() {
        var b = PageBuilder()
        b.text("Nordwind Handel GmbH", x: 40, y: 40, size: 14)
        b.text("Rechnungsnummer / Invoice number: 2024-118", x: 40, y: 90)
        b.text("Netto", x: 200, y: 300); b.text("MwSt. 19 %", x: 300, y: 300); b.text("Brutto", x: 450, y: 300)
        b.text("Gesamt", x: 40, y: 316); b.text("1.000,00", x: 200, y: 316); b.text("190,00", x: 300, y: 316)
        b.text("1.190,00 EUR", x: 450, y: 316)

        let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
        XCTAssertEqual(fields["InvoiceNumber"], "2024-118")
        XCTAssertEqual(fields["TotalAmount"], "1190.00")
        XCTAssertEqual(fields["Subtotal"], "1000.00")
        XCTAssertEqual(fields["TaxAmount"], "190.00")
    }

    /// A business letter: the sender line over the envelope window, the recipient unlabelled.
    func testBusinessLetterSenderLineAndWindowAddress() {
        var b = PageBuilder()
        b.text("Kühlhaus Nord GmbH · Am Hafen 3 · 24103 Kiel", x: 50, y: 120, size: 7)
        b.text("Fischhandel Petersen OHG", x: 50, y: 140)
        b.text("Fährstraße 8", x: 50, y: 152)
        b.text("24937 Flensburg", x: 50, y: 164)
        b.text("Rechnung Nr. 2024-0777", x: 50, y: 230, size: 12)
        b.text("Kiel, den 22. März 2024", x: 400, y: 230)
        b.text("Gesamtbetrag", x: 330, y: 300); b.text("1.713,60 €", x: 480, y: 300)
        b.text("Kühlhaus Nord GmbH", x: 50, y: 780, size: 7)
        b.text("St.-Nr./USt-IdNr.: DE266123456 · IBAN DE89 3704 0044 0532 0130 00", x: 50, y: 790, size: 7)

        let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
        XCTAssertEqual(fields["VendorName"], "Kühlhaus Nord GmbH")
        XCTAssertEqual(fields["CustomerName"], "Fischhandel Petersen OHG")
        XCTAssertEqual(fields["InvoiceNumber"], "2024-0777")
        XCTAssertEqual(fields["InvoiceDate"], "2024-03-22")
        XCTAssertEqual(fields["TotalAmount"], "1713.60")
        XCTAssertEqual(fields["VendorTaxId"], "DE266123456")
        XCTAssertEqual(PartyResolver.nameSegment("ACME Ltd | 5 Main Street"), "ACME Ltd")
        XCTAssertEqual(PartyResolver.nameSegment("Golden Gate Logistics, Corp."), "Golden Gate Logistics, Corp.")
    }

    /// Norwegian: `MVA-nr.` before a VAT id starting `NO`, a KID reference, crowns shown as `kr`,
    /// and a customer whose name starts with `Van` (the Dutch seller label).
    func testNorwegianInvoiceAndNameStartingWithALabelWord() {
        var b = PageBuilder()
        b.text("Fjordline Logistikk ASA", x: 50, y: 60, size: 16)
        b.text("Berggata 30, 7011 Trondheim", x: 50, y: 80, size: 8)
        b.text("Faktureres til", x: 50, y: 130)
        b.text("Van Dijk Techniek B.V.", x: 50, y: 142)
        b.text("Stationstraat 45", x: 50, y: 154)
        b.text("3511 AB Utrecht", x: 50, y: 166)
        b.text("Fakturanr.", x: 350, y: 130); b.text("F2025-44989", x: 470, y: 130)
        b.text("Fakturadato", x: 350, y: 142); b.text("27. januar 2025", x: 470, y: 142)
        b.text("Forfallsdato", x: 350, y: 154); b.text("13. mars 2025", x: 470, y: 154)
        b.text("Sum eks. mva", x: 330, y: 400); b.text("56 941,16 kr", x: 480, y: 400)
        b.text("Mva 25 %", x: 330, y: 412); b.text("14 235,29 kr", x: 480, y: 412)
        b.text("Sum inkl. mva", x: 330, y: 424); b.text("71 176,45 kr", x: 480, y: 424)
        b.text("IBAN NO93 8601 1117 947", x: 50, y: 770, size: 7)
        b.text("KID 60973597525075", x: 50, y: 780, size: 7)
        b.text("MVA-nr. NO 731 745 967 MVA", x: 50, y: 790, size: 7)

        let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
        XCTAssertEqual(fields["VendorName"], "Fjordline Logistikk ASA")
        XCTAssertEqual(fields["CustomerName"], "Van Dijk Techniek B.V.")
        XCTAssertEqual(fields["InvoiceNumber"], "F2025-44989")
        XCTAssertEqual(fields["InvoiceDate"], "2025-01-27")
        XCTAssertEqual(fields["DueDate"], "2025-03-13")
        XCTAssertEqual(fields["Subtotal"], "56941.16")
        XCTAssertEqual(fields["TaxAmount"], "14235.29")
        XCTAssertEqual(fields["TotalAmount"], "71176.45")
        XCTAssertEqual(fields["Currency"], "NOK")
        XCTAssertEqual(fields["VendorTaxId"], "NO731745967MVA")
        XCTAssertEqual(fields["PaymentReference"], "60973597525075")
        XCTAssertTrue(PartyResolver.isNameParticle("Van"))
        XCTAssertFalse(PartyResolver.isNameParticle("Supplier"))
    }

    /// Header-row labels wrapped onto two lines in narrow columns, the values in the row
    /// below; a totals block whose stacked rows must stay separate labels.
    func testTwoLineLabelsInAHeaderRow() {
        var b = PageBuilder()
        b.text("Nordvik Data AB", x: 50, y: 60, size: 16)
        for (x, upper, lower, value) in [(50.0, "Invoice", "Date", "05.03.2024"), (170, "Due", "date", "04.04.2024"),
                                         (290, "Order", "number", "PO-7781"), (410, "Customer", "No.", "K-1001")] {
            b.text(upper, x: x, y: 200); b.text(lower, x: x, y: 211); b.text(value, x: x, y: 226)
        }
        // Leader dots under a label-and-dots line are no second label line.
        b.text("Sales rep ....................", x: 50, y: 250); b.text("J. Miller", x: 260, y: 250)
        b.text("Invoice no.", x: 50, y: 261); b.text("............", x: 130, y: 261); b.text("2024-0311", x: 260, y: 261)
        b.text("Subtotaal", x: 330, y: 400); b.text("EUR 1.000,00", x: 480, y: 400)
        b.text("21% btw", x: 330, y: 411); b.text("EUR 210,00", x: 480, y: 411)
        b.text("Totaalbedrag", x: 330, y: 422); b.text("EUR 1.210,00", x: 480, y: 422)

        let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
        XCTAssertEqual(fields["InvoiceDate"], "2024-03-05")
        XCTAssertEqual(fields["DueDate"], "2024-04-04")
        XCTAssertEqual(fields["PurchaseOrder"], "PO-7781")
        XCTAssertEqual(fields["InvoiceNumber"], "2024-0311")
        XCTAssertEqual(fields["Subtotal"], "1000.00")
        XCTAssertEqual(fields["TaxAmount"], "210.00")
        XCTAssertEqual(fields["TotalAmount"], "1210.00")
    }

    /// A generic label followed by unknown words and a colon is a longer label, not the
    /// generic one: `Data scad.` is no invoice date, `Amount paid` no total.
    func testGenericLabelStartingAnUnknownLabel() {
        var b = PageBuilder()
        b.text("Rossi Servizi S.r.l.", x: 50, y: 60, size: 16)
        b.text("Fattura 25-34022", x: 50, y: 100, size: 14)
        b.text("Data: 05/06/2025", x: 400, y: 100)
        b.text("Data consegna prevista: 25/05/2025", x: 400, y: 112)
        b.text("Imponibile", x: 330, y: 400); b.text("1.000,00 €", x: 480, y: 400)
        b.text("IVA 22%", x: 330, y: 412); b.text("220,00 €", x: 480, y: 412)
        b.text("Totale", x: 330, y: 424); b.text("1.220,00 €", x: 480, y: 424)
        b.text("Amount paid: 500,00 €", x: 50, y: 450)

        let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
        XCTAssertEqual(fields["InvoiceDate"], "2025-06-05")
        XCTAssertEqual(fields["TotalAmount"], "1220.00")
        XCTAssertEqual(fields["InvoiceNumber"], "25-34022")
    }

    /// An envelope-window address without a label whose name starts with a label word.
    func testUnlabelledCustomerNamedVan() {
        var b = PageBuilder()
        b.text("Ashdown Analytics PLC", x: 50, y: 60, size: 16)
        b.text("Ashdown Analytics PLC · 53 Station Road · Leeds LS1 4AP", x: 50, y: 120, size: 7)
        b.text("Van Dijk Media B.V.", x: 50, y: 140)
        b.text("Harbourstraat 114", x: 50, y: 152)
        b.text("9711 LM Groningen", x: 50, y: 164)
        b.text("Invoice # 24-73272", x: 350, y: 140)
        b.text("Total", x: 330, y: 400); b.text("£1,200.00", x: 480, y: 400)

        let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
        XCTAssertEqual(fields["CustomerName"], "Van Dijk Media B.V.")
        XCTAssertEqual(fields["VendorName"], "Ashdown Analytics PLC")
    }

    /// A logo instead of the seller's name at the top: the street under it is no name, the
    /// window address is the customer's, and the footer name (repeated in the sender line,
    /// beside the Bankgiro) is the seller's.
    func testLogoLetterheadVendorFromSenderLineAndFooter() {
        var b = PageBuilder()
        b.text("Berggatan 14", x: 50, y: 80, size: 8)
        b.text("211 22 Malmö", x: 50, y: 90, size: 8)
        b.text("FAKTURA", x: 350, y: 120, size: 12)
        b.text("Sjöberg Bygg Aktiebolag · Berggatan 14 · 211 22 Malmö", x: 50, y: 131, size: 6)
        b.text("Harrow Catering PLC", x: 50, y: 149, size: 9)
        b.text("5 Mayor Road", x: 50, y: 161, size: 9)
        b.text("Norwich NR2 1QB", x: 50, y: 173, size: 9)
        b.text("United Kingdom", x: 50, y: 185, size: 9)
        b.text("Fakturanummer", x: 350, y: 149); b.text("24-86963", x: 480, y: 149)
        b.text("Att betala", x: 330, y: 400); b.text("51 737,92 SEK", x: 470, y: 400)
        b.text("Sjöberg Bygg Aktiebolag", x: 50, y: 751, size: 6); b.text("IBAN SE28 9737 1427 4781 0098 1042", x: 297, y: 751, size: 6)
        b.text("Berggatan 14", x: 50, y: 762, size: 6); b.text("Bankgiro 219-1542", x: 297, y: 762, size: 6)
        b.text("211 22 Malmö", x: 50, y: 772, size: 6)

        let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
        XCTAssertEqual(fields["VendorName"], "Sjöberg Bygg Aktiebolag")
        XCTAssertEqual(fields["CustomerName"], "Harrow Catering PLC")
        let streets: [(String, Bool)] = [
            ("Berggatan 14", true), ("Lindenstraße 5a", true), ("Calle Mayor, 10", true), ("Via Roma 151", true),
            ("Kirkegade 14-16", true), ("Studio Nord GmbH 2", false), ("Harrow Catering PLC", false), ("Room 101", true),
            ("Berlin 2024", true), ("ACME", false), ("12", false),
        ]
        for (text, expected) in streets {
            XCTAssertEqual(PartyResolver.isStreetLine(text), expected, text)
        }
    }

    /// An unknown label starting with a distractor word (`Payment …` names the terms), and an
    /// unknown total label whose amount sits two cells on, past a currency column.
    func testUnknownLabelsAfterDistractorWordsAndCurrencyColumns() {
        var b = PageBuilder()
        b.text("Zonnedal Installaties B.V.", x: 50, y: 60, size: 16)
        b.text("Factuurnummer: 24-39591", x: 350, y: 100)
        b.text("Payment expected by ....", x: 350, y: 112); b.text("14.05.2024", x: 490, y: 112)
        b.text("Subtotaal:", x: 330, y: 400); b.text("EUR", x: 420, y: 400); b.text("1.000,00", x: 490, y: 400)
        b.text("Totaal btw:", x: 330, y: 412); b.text("EUR", x: 420, y: 412); b.text("210,00", x: 490, y: 412)
        b.text("EINDBEDRAG:", x: 330, y: 424); b.text("EUR", x: 420, y: 424); b.text("1.210,00", x: 490, y: 424)

        let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
        XCTAssertEqual(fields["DueDate"], "2024-05-14")
        XCTAssertEqual(fields["TotalAmount"], "1210.00")
        XCTAssertEqual(fields["Subtotal"], "1000.00")
    }

    /// Unknown labels wrapped onto two lines, after a party word, or inside payment terms; a
    /// registration number printed as a VAT number is the VAT id.
    func testUnknownLabelsStackedAfterPartyWordsAndInTerms() {
        var b = PageBuilder()
        b.text("Fjordline Logistikk ASA", x: 50, y: 60, size: 16)
        b.text("Fattura n. 2025/118", x: 50, y: 100)
        b.text("Termine", x: 350, y: 100); b.text("di pagamento", x: 350, y: 111); b.text("29/03/2024", x: 350, y: 124)
        b.text("Org.nr. NO 671 341 427 MVA", x: 50, y: 790, size: 7)

        let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
        XCTAssertEqual(fields["DueDate"], "2024-03-29")
        XCTAssertEqual(fields["VendorTaxId"], "NO671341427MVA")

        // The bare VAT id, whose country reads as the number word `No`.
        var bare = PageBuilder()
        bare.text("Bergen Marine AS", x: 50, y: 760, size: 7)
        bare.text("NO 671 341 427 MVA", x: 50, y: 770, size: 7)
        XCTAssertEqual(extractor.extract(pages: [bare.page()]).filter { $0.confidence >= 0.5 }["VendorTaxId"], "NO671341427MVA")

        for (line, due) in [("Payment terms: 30 days net, due 04/04/2024", "2024-04-04"),
                            ("À régler au plus tard le 25/01/2025", "2025-01-25"), ("Pagamento: 22/11/2025", "2025-11-22")] {
            var page = PageBuilder()
            page.text(line, x: 50, y: 140)
            XCTAssertEqual(extractor.extract(pages: [page.page()]).filter { $0.confidence >= 0.5 }["DueDate"], due, line)
        }
    }

    /// Labels the lexicon does not know are read by their words, weaker than a known label;
    /// a company named `… Data AB` stays a name, a validity date is no due date.
    func testUnknownLabelsGuessedFromTheirWords() {
        var b = PageBuilder()
        b.text("Nordvik Data AB", x: 50, y: 60, size: 16)
        b.text("Invoice no.", x: 350, y: 100); b.text("2024-118", x: 470, y: 100)
        b.text("Date of this bill", x: 350, y: 112); b.text("05.03.2024", x: 470, y: 112)
        b.text("Kindly pay before", x: 350, y: 124); b.text("04.04.2024", x: 470, y: 124)
        b.text("Offer valid until", x: 350, y: 136); b.text("30.04.2024", x: 470, y: 136)
        b.text("Client PO ref", x: 350, y: 148); b.text("4500123456", x: 470, y: 148)
        // A post-office box is an address, not an order number.
        b.text("P.O. Box 927", x: 50, y: 100); b.text("155 Roma Avenue", x: 150, y: 100)
        b.text("Positions, net", x: 330, y: 400); b.text("1.000,00 SEK", x: 470, y: 400)
        b.text("VAT charged", x: 330, y: 412); b.text("250,00 SEK", x: 470, y: 412)
        b.text("Gross sum", x: 330, y: 424); b.text("1.250,00 SEK", x: 470, y: 424)

        let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
        XCTAssertEqual(fields["Subtotal"], "1000.00")
        XCTAssertEqual(fields["TaxAmount"], "250.00")
        XCTAssertEqual(fields["TotalAmount"], "1250.00")
        XCTAssertEqual(fields["InvoiceDate"], "2024-03-05")
        XCTAssertEqual(fields["DueDate"], "2024-04-04")
        XCTAssertEqual(fields["VendorName"], "Nordvik Data AB")
        XCTAssertEqual(fields["PurchaseOrder"], "4500123456")
        XCTAssertFalse(fields.contains { $0.value == "155" })
    }

    /// A title with the number and the date after a `#` (`Sales Invoice #A97069 dated 23 August 2025`).
    func testTitleWithHashNumberAndDate() {
        var b = PageBuilder()
        b.text("Sales Invoice #A97069 dated 23 August 2025", x: 50, y: 100, size: 14)
        let fields = extractor.extract(pages: [b.page()])
        XCTAssertEqual(fields["InvoiceNumber"], "A97069")
        XCTAssertEqual(fields["InvoiceDate"], "2025-08-23")
    }

    /// An attention line under (or over) the customer's name is part of the address, never
    /// the name, whether a label introduces the block or it sits in the envelope window.
    func testAttentionLinesAreNotNames() {
        for attention in ["Attn: Accounts Payable", "z. Hd. Frau Keller", "À l'attention de M. Martin", "T.a.v. de administratie",
                          "A la atención de Sra. López", "Alla c.a. Ufficio Amministrazione", "Att.: Regnskap"] {
            var window = PageBuilder()
            window.text("Martínez Suministros S.L.", x: 50, y: 60, size: 16)
            window.text("Martínez Suministros S.L., Calle Mayor, 179, 46002 Valencia", x: 50, y: 131, size: 6)
            window.text("García Suministros S.L.", x: 50, y: 149)
            window.text(attention, x: 50, y: 161)
            window.text("Calle Berg, 142", x: 50, y: 173)
            window.text("28013 Madrid", x: 50, y: 185)
            XCTAssertEqual(extractor.extract(pages: [window.page()])["CustomerName"], "García Suministros S.L.", attention)

            var labelled = PageBuilder()
            labelled.text("Bill to", x: 50, y: 130)
            labelled.text(attention, x: 50, y: 142)
            labelled.text("García Suministros S.L.", x: 50, y: 154)
            labelled.text("Calle Berg, 142", x: 50, y: 166)
            XCTAssertEqual(extractor.extract(pages: [labelled.page()])["CustomerName"], "García Suministros S.L.", attention)
        }
        XCTAssertFalse(AttentionLine.matches("Attention to detail Ltd"))
        XCTAssertTrue(CompanyLexicon.hasLegalForm("Kowalski Serwis Sp. z o.o."))
        XCTAssertTrue(CompanyLexicon.hasLegalForm("Costa Engenharia Lda."))
    }

    /// A total word after a net label (`Valor líquido total`, `Netto summa`) qualifies it: the
    /// row is the subtotal, not a net label beside a grand-total label.
    func testTotalWordAfterANetLabel() {
        for (net, tax, gross) in [("Valor líquido total", "IVA (23%)", "Total c/ IVA"), ("Netto summa", "Moms 25 %", "Att betala")] {
            var b = PageBuilder()
            b.text("Costa Engenharia Lda.", x: 50, y: 60, size: 16)
            b.text(net, x: 330, y: 400); b.text("11.851,10 €", x: 480, y: 400)
            b.text(tax, x: 330, y: 412); b.text("2.725,75 €", x: 480, y: 412)
            b.text(gross, x: 330, y: 424); b.text("14.576,85 €", x: 480, y: 424)
            let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
            XCTAssertEqual(fields["Subtotal"], "11851.10", net)
            XCTAssertEqual(fields["TotalAmount"], "14576.85", net)
        }
    }

    /// No currency symbol or code anywhere: the seller's bank country decides.
    func testCurrencyFromBankCountryWhenNoneIsPrinted() {
        var b = PageBuilder()
        b.text("Koffiebranderij De Boon", x: 40, y: 40, size: 14)
        b.text("FACTUUR nr. 2024-0311 d.d. 11-03-2024", x: 40, y: 160)
        b.text("Totaal", x: 380, y: 268); b.text("588,60", x: 520, y: 268)
        b.text("Betaling op NL91 ABNA 0417 1643 00 o.v.v. factuurnummer.", x: 40, y: 310)

        let fields = extractor.extract(pages: [b.page()]).filter { $0.confidence >= 0.5 }
        XCTAssertEqual(fields["Currency"], "EUR")
        XCTAssertEqual(fields["InvoiceNumber"], "2024-0311")
        XCTAssertEqual(fields["TotalAmount"], "588.60")
        XCTAssertEqual(CurrencyLexicon.code(forCountry: "SE"), "SEK")
        XCTAssertNil(CurrencyLexicon.code(forCountry: "52"))
    }

    func testEmptyAndBlankPagesGiveNoFields() {
        XCTAssertEqual(extractor.extract(pages: []), [])
        XCTAssertEqual(extractor.extract(pages: [TextPage(number: 1, width: 595, height: 842, lines: [])]), [])
    }
}
