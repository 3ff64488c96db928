/// How the body of a request is delimited (RFC 9112 §6.3).
enum HTTPBodyFraming: Equatable {
    case none
    case contentLength(Int)
    case chunked
}

/// A parsed request line and header section, before the body.
struct HTTPRequestHead {
    var method: HTTPMethod
    var target: String
    var path: String
    var queryItems: [QueryItem]
    var version: HTTPVersion
    var headers: HTTPHeaders
    var framing: HTTPBodyFraming
    /// Whether the connection stays open after this exchange, per version and `Connection`.
    var keepAlive: Bool
    var expectsContinue: Bool
}
