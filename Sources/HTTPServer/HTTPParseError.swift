/// Why a request was rejected: the status to answer with and a short reason for logs and tests.
/// Every parse error ends the connection, because the byte stream can no longer be trusted.
struct HTTPParseError: Error, Equatable, CustomStringConvertible {
    let status: HTTPStatus
    let reason: String

    var description: String { "\(status.code) \(reason)" }

    static func badRequest(_ reason: String) -> HTTPParseError { .init(status: .badRequest, reason: reason) }
    static func uriTooLong() -> HTTPParseError { .init(status: .uriTooLong, reason: "request target too long") }
    static func headersTooLarge(_ reason: String) -> HTTPParseError {
        .init(status: .requestHeaderFieldsTooLarge, reason: reason)
    }
    static func bodyTooLarge() -> HTTPParseError { .init(status: .payloadTooLarge, reason: "body over the limit") }
    static func notImplemented(_ reason: String) -> HTTPParseError { .init(status: .notImplemented, reason: reason) }
    static func versionNotSupported() -> HTTPParseError {
        .init(status: .httpVersionNotSupported, reason: "unsupported HTTP version")
    }
}

/// Size limits the parser enforces (RFC 9112 leaves them to the server).
struct HTTPParserLimits: Sendable {
    /// Longest request target; longer → 414.
    var maxTargetBytes = 8 * 1024
    /// Longest header section after the request line; longer → 431.
    var maxHeaderSectionBytes = 16 * 1024
    /// Most header fields (and, separately, trailer fields); more → 431.
    var maxHeaderFields = 100
    /// Largest body; larger → 413.
    var maxBodyBytes = 25 * 1024 * 1024
    /// Longest method token; longer → 400 (real methods are short).
    var maxMethodBytes = 32
}
