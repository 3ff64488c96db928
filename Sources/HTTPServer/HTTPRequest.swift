/// The request method as sent (methods are case-sensitive, RFC 9110 §9.1).
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let get = HTTPMethod("GET")
    public static let head = HTTPMethod("HEAD")
    public static let post = HTTPMethod("POST")
    public static let put = HTTPMethod("PUT")
    public static let patch = HTTPMethod("PATCH")
    public static let delete = HTTPMethod("DELETE")
    public static let options = HTTPMethod("OPTIONS")
}

public enum HTTPVersion: String, Sendable {
    case http1_0 = "HTTP/1.0"
    case http1_1 = "HTTP/1.1"
}

/// One query item, percent-decoded (`+` decodes to a space, as in form encoding).
public struct QueryItem: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(name: String, value: String) { self.name = name; self.value = value }
}

/// A parsed request as handed to the application.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request target exactly as received (origin-form or absolute-form).
    public var target: String
    /// Percent-decoded path of the target, always starting with `/`.
    public var path: String
    public var queryItems: [QueryItem]
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    /// The whole body, de-chunked.
    public var body: [UInt8]
    /// Peer address as text: `127.0.0.1` or `::1` (no port).
    public var remoteAddress: String
    /// Trailer fields of a chunked body (kept apart from `headers`, RFC 9110 §6.5).
    public var trailers: HTTPHeaders = HTTPHeaders()

    public init(method: HTTPMethod, target: String, path: String, queryItems: [QueryItem] = [],
                version: HTTPVersion = .http1_1, headers: HTTPHeaders = HTTPHeaders(),
                body: [UInt8] = [], remoteAddress: String = "") {
        self.method = method; self.target = target; self.path = path; self.queryItems = queryItems
        self.version = version; self.headers = headers; self.body = body; self.remoteAddress = remoteAddress
    }

    /// The first query value for `name`, or nil.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
