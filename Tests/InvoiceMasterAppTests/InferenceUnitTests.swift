import Extraction
import HTTPServer
import PDF
import XCTest
@testable import InvoiceMasterApp

/// The inference pieces that need no server or database.
final class InferenceUnitTests: XCTestCase {
    func testSHA256MatchesKnownVectors() {
        XCTAssertEqual(SHA256Digest.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256Digest.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testConfidenceThreshold() throws {
        XCTAssertEqual(try ConfidenceThreshold.parse(nil), 0.5)
        XCTAssertEqual(try ConfidenceThreshold.parse("0"), 0)
        XCTAssertEqual(try ConfidenceThreshold.parse("1"), 1)
        XCTAssertEqual(try ConfidenceThreshold.parse("0.75"), 0.75)
        for invalid in ["", "1.01", "-0.0001", "nan", "inf", "0,5", "half"] {
            XCTAssertThrowsError(try ConfidenceThreshold.parse(invalid), invalid) { error in
                XCTAssertEqual((error as? InferenceRejection)?.status, .badRequest)
            }
        }
    }

    func testUploadFilenamesAreSanitized() {
        XCTAssertEqual(InferenceUpload.sanitizedFilename("C:\\Users\\me\\invoice 7.pdf"), "invoice 7.pdf")
        XCTAssertEqual(InferenceUpload.sanitizedFilename("../../etc/passwd"), "passwd")
        XCTAssertEqual(InferenceUpload.sanitizedFilename("line\nbreak.pdf"), "linebreak.pdf")
        XCTAssertEqual(InferenceUpload.sanitizedFilename(nil), "upload.pdf")
        XCTAssertEqual(InferenceUpload.sanitizedFilename("   "), "upload.pdf")
        XCTAssertEqual(InferenceUpload.sanitizedFilename(String(repeating: "é", count: 300)).count, 255)
    }

    func testWebhookSettings() throws {
        XCTAssertNil(try Settings(variables: [:]).inference.webhookURL)
        let settings = try Settings(variables: ["WEBHOOK_URL": "https://hooks.example.com/invoices?token=x",
                                                "WEBHOOK_MAX_ATTEMPTS": "3"])
        XCTAssertEqual(settings.inference.webhookURL?.host, "hooks.example.com")
        XCTAssertEqual(settings.inference.webhookMaxAttempts, 3)
        for (name, value) in [("WEBHOOK_URL", "ftp://example.com/x"), ("WEBHOOK_URL", "not a url"),
                              ("WEBHOOK_MAX_ATTEMPTS", "0"), ("WEBHOOK_RETRY_DELAY_SECONDS", "-1")] {
            XCTAssertThrowsError(try Settings(variables: [name: value]), "\(name)=\(value)") { error in
                XCTAssertTrue("\(error)".contains(name), "\(error)")
            }
        }
    }

    func testRetryDelaysDoubleUpToTheCap() throws {
        var settings = try Settings(variables: ["WEBHOOK_RETRY_DELAY_SECONDS": "0.5",
                                                "WEBHOOK_MAX_RETRY_DELAY_SECONDS": "3"]).inference
        settings.webhookMaxAttempts = 10
        let policy = WebhookSender.RetryPolicy(settings: settings)
        XCTAssertEqual((1...6).map(policy.delay(after:)), [0.5, 1, 2, 3, 3, 3])
    }

    func testResultJSONShape() throws {
        let field = ExtractedField(name: "TotalAmount", value: "120.00", confidence: 0.876543, page: 1,
                                   box: PDFRect(x0: 500, y0: 300.123, x1: 551.5, y1: 310), raw: "GBP 120.00")
        let result = InferenceResult(documentID: UUID(uuidString: "6F1C2A36-0D2E-4E55-9B1A-2F0E8D1C9A77")!,
                                     filename: "a \"quoted\".pdf", pages: 2, fields: [field],
                                     processingMicroseconds: 3_456, duplicate: false)
        var writer = JSONWriter()
        result.encode(to: &writer)
        XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), """
            {"document_id":"6f1c2a36-0d2e-4e55-9b1a-2f0e8d1c9a77","filename":"a \\"quoted\\".pdf","pages":2,\
            "fields":{"TotalAmount":{"value":"120.00","confidence":0.8765,"page":1,"bbox":[500.0,300.12,551.5,310.0],\
            "raw":"GBP 120.00"}},"processing_ms":3.456,"duplicate":false}
            """)
    }

    func testPDFErrorsMapToStatuses() {
        XCTAssertEqual(rejection(Array("plain text".utf8))?.status, .unsupportedMediaType)
        XCTAssertEqual(rejection(InferenceTestPDFs.brokenBeyondRepair)?.status, .unprocessableContent)
        XCTAssertEqual(rejection(InferenceTestPDFs.withoutTextLayer()), .noTextLayer)
        var limits = PDFLimits()
        limits.maxContentOperators = 10
        XCTAssertEqual(rejection(InferenceTestPDFs.invoice(), limits: limits)?.status, .unprocessableContent)
        XCTAssertNil(rejection(InferenceTestPDFs.invoice()))
    }

    func testOpenAPIDescribesTheEndpoint() throws {
        let document = try XCTUnwrap(OpenAPIDocument.json.objectValue)
        let operation = try XCTUnwrap(document["paths"]?.objectValue?[InferenceRoutes.path]?.objectValue?["post"]?.objectValue)
        let responses = try XCTUnwrap(operation["responses"]?.objectValue)
        XCTAssertEqual(responses.members.map(\.name), ["200", "400", "413", "415", "422", "429", "500", "503"])
        let content = try XCTUnwrap(operation["requestBody"]?.objectValue?["content"]?.objectValue)
        XCTAssertEqual(content.members.map(\.name), ["multipart/form-data", "application/pdf"])
        let schemas = try XCTUnwrap(document["components"]?.objectValue?["schemas"]?.objectValue)
        XCTAssertNotNil(schemas["InferenceResult"])
        XCTAssertNotNil(schemas["InferredField"])
    }

    private func rejection(_ bytes: [UInt8], limits: PDFLimits = PDFLimits()) -> InferenceRejection? {
        do {
            _ = try InvoiceReading.read(bytes, limits: limits)
            return nil
        } catch {
            return error as? InferenceRejection
        }
    }
}
