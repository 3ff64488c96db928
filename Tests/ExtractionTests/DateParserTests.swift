import XCTest
@testable import Extraction

final class DateParserTests: XCTestCase {
    func testNumericForms() {
        let cases: [(String, DateOrder, String)] = [
            ("2024-03-05", .dayFirst, "2024-03-05"),
            ("2024-03-05", .monthFirst, "2024-03-05"),
            ("05.03.2024", .dayFirst, "2024-03-05"),
            ("05/03/2024", .dayFirst, "2024-03-05"),
            ("05/03/2024", .monthFirst, "2024-05-03"),
            ("03/25/2024", .dayFirst, "2024-03-25"),   // only one reading exists
            ("25/03/2024", .monthFirst, "2024-03-25"),
            ("05-03-2024", .dayFirst, "2024-03-05"),
            ("5.3.24", .dayFirst, "2024-03-05"),
            ("29.02.2024", .dayFirst, "2024-02-29"),
        ]
        for (text, order, expected) in cases {
            XCTAssertEqual(DateParser.date(text, order: order)?.date.description, expected, text)
        }
    }

    func testWrittenFormsInDanishNorwegianPortuguesePolish() {
        let cases: [(String, String)] = [
            ("5. marts 2024", "2024-03-05"), ("19. juli 2025", "2025-07-19"), ("3. desember 2024", "2024-12-03"),
            ("27. januar 2025", "2025-01-27"), ("5 de março de 2024", "2024-03-05"), ("1 de fevereiro de 2025", "2025-02-01"),
            ("28 czerwca 2024", "2024-06-28"), ("4 lutego 2025", "2025-02-04"), ("12 października 2024", "2024-10-12"),
            ("1 września 2024", "2024-09-01"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(DateParser.date(text, order: .dayFirst)?.date.description, expected, text)
        }
    }

    func testWrittenFormsInSevenLanguages() {
        let cases: [(String, String)] = [
            ("5 March 2024", "2024-03-05"), ("March 5, 2024", "2024-03-05"), ("Mar 5th, 2024", "2024-03-05"),
            ("5. März 2024", "2024-03-05"), ("5 mars 2024", "2024-03-05"), ("1er mars 2024", "2024-03-01"),
            ("5 maart 2024", "2024-03-05"), ("5 de marzo de 2024", "2024-03-05"), ("5 marzo 2024", "2024-03-05"),
            ("18 februari 2025", "2025-02-18"), ("14 janvier 2025", "2025-01-14"), ("3 août 2023", "2023-08-03"),
            ("12 décembre 2023", "2023-12-12"), ("7 Jänner 2024", "2024-01-07"), ("5-Mar-2024", "2024-03-05"),
            ("1 maj 2024", "2024-05-01"), ("10 settembre 2024", "2024-09-10"), ("Datum: 29. April 2023", "2023-04-29"),
            ("5th of March 2024", "2024-03-05"), ("05-MAR-2024", "2024-03-05"), ("5 de marzo del 2024", "2024-03-05"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(DateParser.date(text)?.date.description, expected, text)
        }
    }

    func testRejectsImpossibleDates() {
        for text in ["31.02.2024", "13/13/2024", "2024-13-01", "32 March 2024", "12-34-56", "4500896440", "Invoice 2024"] {
            XCTAssertNil(DateParser.date(text), text)
        }
    }

    func testAmbiguityAndProvenOrder() {
        XCTAssertEqual(DateParser.date("05/03/2024")?.wasAmbiguous, true)
        XCTAssertEqual(DateParser.date("05/05/2024")?.wasAmbiguous, false)
        XCTAssertEqual(DateParser.provenOrder(in: "Invoice date 01/19/2025"), .monthFirst)
        XCTAssertEqual(DateParser.provenOrder(in: "Datum 19.01.2025"), .dayFirst)
        XCTAssertNil(DateParser.provenOrder(in: "05/03/2024 2024-03-19"))
    }
}
