import Extraction
import Foundation

/// What `POST /api/v1/infer` answers (the envelope's `data`) and what the webhook receives:
/// `{"document_id","filename","pages","fields":{Name:{"value","confidence","page","bbox","raw"}},
/// "processing_ms","duplicate"}`.
struct InferenceResult: JSONEncodable {
    var documentID: UUID
    var filename: String
    var pages: Int
    /// Only the fields at or above the request's confidence threshold.
    var fields: [ExtractedField]
    var processingMicroseconds: Int
    var duplicate: Bool

    func encode(to writer: inout JSONWriter) {
        writer.raw("{\"document_id\":")
        writer.string(documentID.uuidString.lowercased())
        writer.raw(",\"filename\":")
        writer.string(filename)
        writer.raw(",\"pages\":")
        writer.int(pages)
        writer.raw(",\"fields\":{")
        for (position, field) in fields.enumerated() {
            if position > 0 { writer.comma() }
            writer.string(field.name)
            writer.raw(":{\"value\":")
            writer.string(field.value)
            writer.raw(",\"confidence\":")
            writer.double(Self.rounded(field.confidence, places: 4))
            writer.raw(",\"page\":")
            writer.int(field.page)
            writer.raw(",\"bbox\":[")
            for (index, coordinate) in [field.box.x0, field.box.y0, field.box.x1, field.box.y1].enumerated() {
                if index > 0 { writer.comma() }
                writer.double(Self.rounded(coordinate, places: 2))
            }
            writer.raw("],\"raw\":")
            writer.string(field.raw)
            writer.raw("}")
        }
        writer.raw("},\"processing_ms\":")
        AppLogger.appendMilliseconds(processingMicroseconds, to: &writer)
        writer.raw(",\"duplicate\":")
        writer.bool(duplicate)
        writer.raw("}")
    }

    /// The webhook body: the result wrapped with what happened to which document.
    func notificationPayload(status: DocumentStatus) -> [UInt8] {
        var writer = JSONWriter(capacity: 1024)
        writer.raw("{\"event\":\"document.inferred\",\"document_id\":")
        writer.string(documentID.uuidString.lowercased())
        writer.raw(",\"status\":")
        writer.string(status.rawValue)
        writer.raw(",\"duplicate\":")
        writer.bool(duplicate)
        writer.raw(",\"result\":")
        encode(to: &writer)
        writer.raw("}")
        return writer.bytes
    }

    private static func rounded(_ value: Double, places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}
