import XCTest
import Foundation
import PDF
@testable import Extraction

/// Extraction through the real PDF reader on corpus invoices chosen for their hard cases,
/// compared with the corpus ground truth. Skipped when the shared corpus is not present.
final class CorpusExtractionTests: XCTestCase {
    private static let cases = [
        "inv006_es_groff",          // deposit: Total ≠ Importe pendiente; customer VAT id; two pages
        "inv036_de_reportlab",      // reverse charge (0 % VAT); labels above values; order next to number
        "inv019_sv_reportlab",      // Bankgiro + Plusgiro + OCR; Org.nr
        "inv008_en_weasyprint",     // en-US month-first dates, EIN
        "inv012_de_weasyprint",     // de-AT, customer's USt-IdNr. in the address block, two VAT rates
        "inv002_nl_libreoffice",    // totals as a horizontal table; KvK
    ]

    private static func corpusDirectory() -> URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        if let env = ProcessInfo.processInfo.environment["CORPUS_DIR"] {
            return URL(fileURLWithPath: env).appendingPathComponent("invoices")
        }
        for relative in ["../shared/corpus/invoices", "../../shared/corpus/invoices"] {
            let url = root.appendingPathComponent(relative).standardizedFileURL
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }

    func testHardCasesMatchGroundTruth() throws {
        guard let directory = Self.corpusDirectory() else { throw XCTSkip("corpus not found (set CORPUS_DIR)") }
        let extractor = InvoiceExtractor()
        for name in Self.cases {
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name + ".pdf")))
            let truthData = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
            let truth = try XCTUnwrap((try JSONSerialization.jsonObject(with: truthData) as? [String: Any])?["fields"] as? [String: String])
            let fields = extractor.extract(pages: try PDFDocument(bytes: bytes).textPages()).filter { $0.confidence >= 0.5 }
            for key in ["InvoiceNumber", "InvoiceDate", "DueDate", "TotalAmount", "Subtotal", "TaxAmount", "Currency",
                        "VendorTaxId", "IBAN", "BIC", "PaymentReference", "Bankgiro", "PurchaseOrder"] {
                XCTAssertEqual(fields[key], truth[key], "\(name) \(key)")
            }
            XCTAssertEqual(fields["CustomerName"], truth["CustomerName"], name)
            XCTAssertEqual(fields["VendorName"], truth["VendorName"], name)
        }
    }
}
