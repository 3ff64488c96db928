import XCTest
@testable import Extraction

final class AmountParserTests: XCTestCase {
    func testFormatsAndCurrencies() {
        let cases: [(String, DecimalSeparator?, String?, String?)] = [
            ("1,234.56", nil, "1234.56", nil),
            ("1.234,56", nil, "1234.56", nil),
            ("1 234,56", nil, "1234.56", nil),
            ("1\u{00A0}234,56", nil, "1234.56", nil),
            ("1\u{202F}234,56", nil, "1234.56", nil),
            ("1'234.56", nil, "1234.56", nil),
            ("€ 1.234,56", nil, "1234.56", "EUR"),
            ("1.234,56 €", nil, "1234.56", "EUR"),
            ("1 234,56 kr", nil, "1234.56", "SEK"),
            ("GBP 1,234.56", nil, "1234.56", "GBP"),
            ("$1,670.99", nil, "1670.99", "USD"),
            ("161.399,50 EUR", nil, "161399.50", "EUR"),
            ("USD 650,877.29", nil, "650877.29", "USD"),
            ("-13.148,52", nil, "-13148.52", nil),
            ("(1,234.56)", nil, "-1234.56", nil),
            ("1.234,56-", nil, "-1234.56", nil),
            ("−45,00 €", nil, "-45.00", "EUR"),
            ("0,5", nil, "0.50", nil),
            ("12", nil, "12.00", nil),
            ("1.234", .comma, "1234.00", nil),
            ("1,234", .point, "1234.00", nil),
            ("1.234.567,8", nil, "1234567.80", nil),
            ("EUR1,234.56", nil, "1234.56", "EUR"),
            ("38 400:-", nil, "38400.00", "SEK"),
            ("1 234.56", nil, "1234.56", nil),
            ("US$ 1,234.56", nil, "1234.56", "USD"),
            ("1.234,56EUR", nil, "1234.56", "EUR"),
        ]
        for (text, hint, expected, currency) in cases {
            let parsed = AmountParser.amount(text, hint: hint)
            XCTAssertEqual(parsed?.value.description, expected, text)
            XCTAssertEqual(parsed?.currency, currency, text)
        }
    }

    func testRejectsNonAmounts() {
        let cases: [(String, DecimalSeparator?)] = [
            ("19 %", nil), ("1.234.56", nil), ("12,34,56", nil), ("1,2345", nil), ("1.234", .point),
            ("RE24-10452", nil), ("05/03/2024", nil), ("1,23.456", nil),
        ]
        for (text, hint) in cases {
            XCTAssertNil(AmountParser.amount(text, hint: hint), text)
        }
    }

    func testFindsAmountsAmongOtherText() {
        let found = AmountParser.amounts(in: "Total TTC 113 542,68 EUR")
        XCTAssertEqual(found.map(\.value.description), ["113542.68"])
        XCTAssertEqual(found.first?.currency, "EUR")
        let row = AmountParser.amounts(in: "IVA 21% 6.154,41 €")
        XCTAssertEqual(row.map(\.value.description), ["6154.41"])
    }

    func testMoneyDescription() {
        XCTAssertEqual(Money(cents: 5).description, "0.05")
        XCTAssertEqual(Money(cents: -123450).description, "-1234.50")
    }
}
