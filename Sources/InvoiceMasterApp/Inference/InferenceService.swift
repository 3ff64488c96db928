import Extraction
import Foundation
import PDF
import Postgres

/// The rules of `POST /api/v1/infer`: read the PDF, extract the fields, store one document per
/// distinct file, then notify in the background.
///
/// Everything that can reject an upload (not a PDF, unreadable, no text) happens before the
/// single write, and that write is one statement — so a rejected or failed upload leaves
/// nothing behind. Files are never written to disk.
public final class InferenceService: Sendable {
    let documents: DocumentService
    let notifier: InferenceNotifier
    public let maxUploadBytes: Int
    let pdfLimits: PDFLimits

    public init(documents: DocumentService, notifier: InferenceNotifier, maxUploadBytes: Int,
                pdfLimits: PDFLimits = PDFLimits()) {
        self.documents = documents
        self.notifier = notifier
        self.maxUploadBytes = maxUploadBytes
        self.pdfLimits = pdfLimits
    }

    /// `startedAt`: `UTCClock.monotonicMicroseconds()` when the request arrived (for `processing_ms`).
    func infer(_ upload: InferenceUpload, threshold: Double, startedAt: Int) throws -> InferenceResult {
        let sha256 = SHA256Digest.hex(upload.bytes)
        let reading = try InvoiceReading.read(upload.bytes, limits: pdfLimits)
        let fields = reading.fields.filter { $0.confidence >= threshold }
        let (document, duplicate) = try store(upload, sha256: sha256, pageCount: reading.pageCount, fields: fields)
        let result = InferenceResult(
            documentID: document.id, filename: document.filename, pages: reading.pageCount, fields: fields,
            processingMicroseconds: UTCClock.monotonicMicroseconds() - startedAt, duplicate: duplicate)
        notifier.documentInferred(result, status: document.status)
        return result
    }

    /// The stored document for this file: the existing one (duplicate) or a new one.
    private func store(_ upload: InferenceUpload, sha256: String, pageCount: Int,
                       fields: [ExtractedField]) throws -> (Document, duplicate: Bool) {
        if let existing = try documents.find(sha256: sha256) { return (existing, true) }
        let document = NewDocument(
            filename: upload.filename, status: .processed,
            fields: JSONObject(fields.map { ($0.name, .string($0.value)) }),
            source: DocumentSource(sha256: sha256, pageCount: pageCount, contentType: "application/pdf"))
        do {
            return (try documents.create(document), false)
        } catch where Self.isDuplicateKey(error) {
            // The same file arrived concurrently and was stored between the lookup and the insert.
            if let existing = try documents.find(sha256: sha256) { return (existing, true) }
            throw error
        }
    }

    private static func isDuplicateKey(_ error: Error) -> Bool {
        if let error = error as? PostgresError { return error.isUniqueViolation }
        if let error = error as? AppError { return error.kind == .conflict }
        return false
    }
}
