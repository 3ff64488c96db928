import HTTPServer

/// Why an upload cannot be inferred: the client's input, answered with its own status and a
/// message saying what was wrong (always before anything is stored).
struct InferenceRejection: Error, Equatable, CustomStringConvertible {
    let status: HTTPStatus
    let message: String

    var description: String { "\(status.code) \(message)" }

    static func badRequest(_ message: String) -> InferenceRejection { .init(status: .badRequest, message: message) }
    static func unsupportedMediaType(_ message: String) -> InferenceRejection {
        .init(status: .unsupportedMediaType, message: message)
    }
    static func unprocessable(_ message: String) -> InferenceRejection {
        .init(status: .unprocessableContent, message: message)
    }
    static func tooLarge(limit: Int) -> InferenceRejection {
        .init(status: .payloadTooLarge, message: "Upload larger than \(limit) bytes")
    }

    static let noTextLayer = unprocessable("no text layer: scanned PDFs are not supported yet")
}
