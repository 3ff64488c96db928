import Foundation
import HTTPServer

/// The file a client sent to `POST /api/v1/infer`: the `file` part of a multipart/form-data
/// body, or the whole body when it is sent as `application/pdf`.
struct InferenceUpload: Equatable {
    var bytes: [UInt8]
    /// A display name for the stored document: the client's file name without any path,
    /// cut to the documents' 255-character limit, or `upload.pdf`.
    var filename: String

    static let partName = "file"
    static let defaultFilename = "upload.pdf"
    static let accepted = "multipart/form-data (part 'file') or application/pdf"

    /// Reads the upload out of `request`; throws `InferenceRejection` for a missing, empty or
    /// oversized file, a malformed multipart body or another Content-Type.
    static func from(_ request: AppRequest, maxBytes: Int) throws -> InferenceUpload {
        let body = request.body
        guard !body.isEmpty else {
            throw InferenceRejection.badRequest("Empty request body: send the PDF as \(accepted)")
        }
        let contentType = request.http.headers["Content-Type"] ?? ""
        let mediaType = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .trimmingCharacters(in: .whitespaces).lowercased()
        let upload: InferenceUpload
        switch mediaType {
        case "multipart/form-data":
            upload = try fromMultipart(body, contentType: contentType, maxBytes: maxBytes)
        case "application/pdf":
            upload = InferenceUpload(bytes: body, filename: sanitizedFilename(
                request.query("filename") ?? contentDispositionFilename(request.http.headers["Content-Disposition"])))
        default:
            let got = contentType.isEmpty ? "none" : "'\(contentType)'"
            throw InferenceRejection.unsupportedMediaType("Unsupported Content-Type \(got): expected \(accepted)")
        }
        guard upload.bytes.count <= maxBytes else { throw InferenceRejection.tooLarge(limit: maxBytes) }
        return upload
    }

    private static func fromMultipart(_ body: [UInt8], contentType: String, maxBytes: Int) throws -> InferenceUpload {
        guard let boundary = MultipartParser.boundary(fromContentType: contentType) else {
            throw InferenceRejection.badRequest("Invalid multipart/form-data Content-Type: missing or invalid boundary")
        }
        let parts: [MultipartPart]
        do {
            parts = try MultipartParser.parse(body: body, boundary: boundary, maxPartBytes: maxBytes, maxParts: 100)
        } catch MultipartError.partTooLarge {
            throw InferenceRejection.tooLarge(limit: maxBytes)
        } catch {
            throw InferenceRejection.badRequest("Invalid multipart body: \(error)")
        }
        guard let part = parts.first(where: { $0.name == partName }) else {
            throw InferenceRejection.badRequest("Missing multipart part '\(partName)' holding the PDF")
        }
        guard !part.body.isEmpty else {
            throw InferenceRejection.badRequest("Multipart part '\(partName)' is empty")
        }
        return InferenceUpload(bytes: part.body, filename: sanitizedFilename(part.filename))
    }

    /// `filename="…"` of a Content-Disposition header sent with a raw upload.
    private static func contentDispositionFilename(_ header: String?) -> String? {
        guard let header, let range = header.range(of: "filename=") else { return nil }
        var value = header[range.upperBound...].prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
        return value
    }

    static func sanitizedFilename(_ name: String?) -> String {
        // Browsers on Windows send full paths; keep the last component only.
        let lastComponent = name?.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(lastComponent.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
            .trimmingCharacters(in: .whitespaces)
        guard !cleaned.isEmpty else { return defaultFilename }
        return String(cleaned.prefix(255))
    }
}
