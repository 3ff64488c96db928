import XCTest
@testable import Extraction

final class IdentifierParserTests: XCTestCase {
    func testIBAN() {
        let valid = ["DE89 3704 0044 0532 0130 00", "BE32 9188 0247 3270", "ES6515629077079311763743",
                     "FR52 0057 2607 0077 9207 8283 638", "NL82 ABNA 0441 2113 44", "gb86barc96378838075260"]
        for text in valid { XCTAssertNotNil(IBANValidator.normalized(text), text) }
        XCTAssertEqual(IBANValidator.normalized("DE89 3704 0044 0532 0130 00"), "DE89370400440532013000")
        let invalid = ["DE89 3704 0044 0532 0130 01",   // check digits
                       "DE89 3704 0044 0532 0130",      // length
                       "XX89 3704 0044 0532 0130 00",   // country
                       "DE8937040044053201300O"]        // letter in a digit position
        for text in invalid { XCTAssertNil(IBANValidator.normalized(text), text) }
        XCTAssertEqual(IBANValidator.ibans(in: "IBAN: FR52 0057 2607 0077 9207 8283 638 BIC: CEPAFRPP751"),
                       ["FR5200572607007792078283638"])
    }

    func testBIC() {
        XCTAssertEqual(BICParser.normalized("cobadeffxxx"), "COBADEFFXXX")
        XCTAssertEqual(BICParser.normalized("BSCHESMM"), "BSCHESMM")
        for text in ["COBADEFFXX", "COBAZZFF", "1OBADEFF", "COBADEFF-XX"] { XCTAssertNil(BICParser.normalized(text), text) }
    }

    func testCheckDigits() {
        XCTAssertTrue(CheckDigits.luhnIsValid("79927398713"))
        XCTAssertFalse(CheckDigits.luhnIsValid("79927398710"))
        XCTAssertFalse(CheckDigits.luhnIsValid(""))
        XCTAssertFalse(CheckDigits.luhnIsValid("12a4"))
        XCTAssertTrue(CheckDigits.mod97IsValid("GB82WEST12345698765432"))
        XCTAssertFalse(CheckDigits.mod97IsValid("GB82WEST12345698765433"))
    }

    func testCreditorReference() {
        XCTAssertEqual(CreditorReference.normalized("RF18 5390 0754 7034"), "RF18539007547034")
        XCTAssertEqual(CreditorReference.normalized("rf18539007547034"), "RF18539007547034")
        XCTAssertNil(CreditorReference.normalized("RF19 5390 0754 7034"))
        XCTAssertNil(CreditorReference.normalized("RF18"))
        XCTAssertNil(CreditorReference.normalized("XX18 5390 0754 7034"))
    }

    func testSwedishGiro() {
        XCTAssertEqual(SwedishGiro.bankgiro("133-6551"), "133-6551")
        XCTAssertEqual(SwedishGiro.bankgiro("1336551"), "133-6551")
        XCTAssertEqual(SwedishGiro.bankgiro("5050-1055"), "5050-1055")
        XCTAssertNil(SwedishGiro.bankgiro("133-6552"))       // Luhn
        XCTAssertNil(SwedishGiro.bankgiro("12-3456"))        // too short
        XCTAssertEqual(SwedishGiro.plusgiro("95 57 31-5"), "9557315")
        XCTAssertNil(SwedishGiro.plusgiro("95 57 31-6"))
        XCTAssertEqual(SwedishGiro.ocrReference("749997714"), "749997714")
        XCTAssertNil(SwedishGiro.ocrReference("749997715"))
        XCTAssertNil(SwedishGiro.ocrReference("RF18"))
    }

    func testVATNumbers() {
        let valid: [(String, String)] = [
            ("DE 123 456 789", "DE123456789"), ("ATU14369024", "ATU14369024"), ("BE0929551151", "BE0929551151"),
            ("FR43 028 735 655", "FR43028735655"), ("NL153602789B55", "NL153602789B55"),
            ("SE 151134642401", "SE151134642401"), ("ESB77145825", "ESB77145825"), ("GB 649 3921 48", "GB649392148"),
            ("IE5461255D", "IE5461255D"), ("IT12345678901", "IT12345678901"), ("CHE-123.456.789 MWST", "CHE123456789MWST"),
        ]
        for (text, expected) in valid { XCTAssertEqual(TaxIdParser.vatNumber(text), expected, text) }
        for text in ["DE12345678", "NL153602789X55", "SE151134642402", "FR4302873565", "US123456789", "KvK 67612151"] {
            XCTAssertNil(TaxIdParser.vatNumber(text), text)
        }
        XCTAssertEqual(TaxIdParser.ein("52-5905760"), "52-5905760")
        XCTAssertNil(TaxIdParser.ein("525-905760"))
        XCTAssertEqual(TaxIdParser.taxId("A43400193", allowUnprefixed: true)?.kind, .withoutPrefix)
        XCTAssertNil(TaxIdParser.taxId("A43400193", allowUnprefixed: false))
        XCTAssertNil(TaxIdParser.taxId("Hauptstraße 1", allowUnprefixed: true))
    }

    func testBelgianStructuredCommunication() {
        XCTAssertEqual(BelgianStructuredReference.references(in: "communication +++090/9337/55493+++ merci"), ["+++090/9337/55493+++"])
        XCTAssertEqual(BelgianStructuredReference.references(in: "*** 090 / 9337 / 55493 ***"), ["***090/9337/55493***"])
        XCTAssertEqual(BelgianStructuredReference.references(in: "+++090/9337/55494+++"), [])   // check digits
        XCTAssertTrue(BelgianStructuredReference.isValid("000/0000/09797"))                    // mod 97 = 0 → 97
        XCTAssertFalse(BelgianStructuredReference.isValid("090/9337/5549"))
    }

    func testPostalCodeLines() {
        let cases: [(String, Bool)] = [
            ("80331 München", true), ("211 22 Malmö", true), ("3511 AB Utrecht", true), ("Portland, OR 97204", true),
            ("Leeds LS1 4AP", true), ("London SW1A 1AA", true), ("Dublin 2, D02 X285", true), ("Ottawa ON K1A 0B1", true),
            ("119 Church Road", false), ("United Kingdom", false), ("Unit 4B", false), ("Floor 2, Block C", false),
        ]
        for (line, expected) in cases {
            XCTAssertEqual(PostalCode.appears(in: line), expected, line)
        }
    }

    func testSwissQRReference() {
        XCTAssertTrue(SwissQRReference.isValid("210000000003139471430009017"))
        XCTAssertFalse(SwissQRReference.isValid("210000000003139471430009018"))
        XCTAssertFalse(SwissQRReference.isValid("21000000000313947143000901"))
        XCTAssertEqual(FieldValueReader.paymentReference("21 00000 00003 13947 14300 09017")?.0, "210000000003139471430009017")
    }
}
