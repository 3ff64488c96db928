import HTTPServer

/// Errors with a meaning for the client. The error-mapping middleware turns each into the
/// envelope with its status; anything that is not an `AppError` becomes a 500.
public struct AppError: Error, CustomStringConvertible {
    public enum Kind: Sendable {
        case validation          // 400
        case notFound            // 404
        case methodNotAllowed    // 405
        case conflict            // 409
        case payloadTooLarge     // 413
        case unsupportedMediaType // 415
        case unavailable         // 503

        var status: HTTPStatus {
            switch self {
            case .validation: return .badRequest
            case .notFound: return .notFound
            case .methodNotAllowed: return .methodNotAllowed
            case .conflict: return .conflict
            case .payloadTooLarge: return .payloadTooLarge
            case .unsupportedMediaType: return .unsupportedMediaType
            case .unavailable: return .serviceUnavailable
            }
        }
    }

    public let kind: Kind
    public let message: String
    /// Extra response headers (e.g. `Allow` on a 405).
    public var headers: [(name: String, value: String)]

    public init(_ kind: Kind, _ message: String, headers: [(name: String, value: String)] = []) {
        self.kind = kind
        self.message = message
        self.headers = headers
    }

    public var status: HTTPStatus { kind.status }
    public var description: String { "\(status.code) \(message)" }

    public static func validation(_ message: String) -> AppError { AppError(.validation, message) }
    public static func notFound(_ message: String) -> AppError { AppError(.notFound, message) }
    public static func conflict(_ message: String) -> AppError { AppError(.conflict, message) }
    public static let databaseUnavailable = AppError(.unavailable, "database unavailable")
}
