import HTTPServer

/// A request as it travels through the middleware chain: the parsed HTTP request plus what the
/// chain learns about it (request id, client address, path parameters).
public struct AppRequest: Sendable {
    public var http: HTTPRequest
    /// Set by the request-id middleware; echoed as `X-Request-ID`.
    public var requestID: String = ""
    /// The client's address: the peer, or the X-Forwarded-For client when the peer is a trusted proxy.
    public var clientAddress: String
    /// Values of `{name}` segments of the matched route, set by the router.
    public var pathParameters: [(name: String, value: String)] = []

    public init(http: HTTPRequest) {
        self.http = http
        self.clientAddress = http.remoteAddress
    }

    public func pathParameter(_ name: String) -> String? {
        pathParameters.first { $0.name == name }?.value
    }

    public var method: HTTPMethod { http.method }
    public var path: String { http.path }
    public var body: [UInt8] { http.body }

    /// The first query value for `name`, or nil.
    public func query(_ name: String) -> String? { http.query(name) }
}
