/// A status code with its reason phrase.
public struct HTTPStatus: Sendable, Equatable {
    public let code: Int
    public let reason: String
    public init(code: Int, reason: String) { self.code = code; self.reason = reason }

    public static let `continue` = HTTPStatus(code: 100, reason: "Continue")
    public static let ok = HTTPStatus(code: 200, reason: "OK")
    public static let created = HTTPStatus(code: 201, reason: "Created")
    public static let noContent = HTTPStatus(code: 204, reason: "No Content")
    public static let badRequest = HTTPStatus(code: 400, reason: "Bad Request")
    public static let notFound = HTTPStatus(code: 404, reason: "Not Found")
    public static let methodNotAllowed = HTTPStatus(code: 405, reason: "Method Not Allowed")
    public static let requestTimeout = HTTPStatus(code: 408, reason: "Request Timeout")
    public static let conflict = HTTPStatus(code: 409, reason: "Conflict")
    public static let payloadTooLarge = HTTPStatus(code: 413, reason: "Content Too Large")
    public static let uriTooLong = HTTPStatus(code: 414, reason: "URI Too Long")
    public static let unsupportedMediaType = HTTPStatus(code: 415, reason: "Unsupported Media Type")
    public static let unprocessableContent = HTTPStatus(code: 422, reason: "Unprocessable Content")
    public static let tooManyRequests = HTTPStatus(code: 429, reason: "Too Many Requests")
    public static let requestHeaderFieldsTooLarge = HTTPStatus(code: 431, reason: "Request Header Fields Too Large")
    public static let internalServerError = HTTPStatus(code: 500, reason: "Internal Server Error")
    public static let notImplemented = HTTPStatus(code: 501, reason: "Not Implemented")
    public static let serviceUnavailable = HTTPStatus(code: 503, reason: "Service Unavailable")
    public static let httpVersionNotSupported = HTTPStatus(code: 505, reason: "HTTP Version Not Supported")
}

/// A response built by the application. The server adds `Date`, `Server`, `Connection` and
/// `Content-Length` (or chunked framing for a streamed body).
public struct HTTPResponse: Sendable {
    public enum Body: Sendable {
        case bytes([UInt8])
        /// Written with chunked transfer coding; the closure is called with a writer until it returns.
        case stream(@Sendable (_ write: ([UInt8]) -> Void) -> Void)
    }

    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: Body

    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status; self.headers = headers; self.body = .bytes(body)
    }

    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: Body) {
        self.status = status; self.headers = headers; self.body = body
    }
}

/// What the server calls for each request. `respond` may block (libpq is blocking): the server
/// runs it on a bounded pool of worker threads, never on an I/O thread.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// Whether `respond(to:)` answers this request quickly and without blocking (no database,
    /// no file or network I/O, no locks held for long). Then the server may call it on the I/O
    /// thread and save the hop to a worker. The default is `false`: every request goes to the
    /// worker pool.
    func respondsWithoutBlocking(to request: HTTPRequest) -> Bool
}

extension HTTPResponder {
    public func respondsWithoutBlocking(to request: HTTPRequest) -> Bool { false }
}

/// A closure as a responder.
public struct ClosureResponder: HTTPResponder {
    let handler: @Sendable (HTTPRequest) -> HTTPResponse
    let nonBlocking: Bool

    public init(_ handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.handler = handler
        nonBlocking = false
    }

    /// `nonBlocking: true` promises the closure never blocks, so it may run on the I/O thread.
    public init(nonBlocking: Bool, _ handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.handler = handler
        self.nonBlocking = nonBlocking
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse { handler(request) }
    public func respondsWithoutBlocking(to request: HTTPRequest) -> Bool { nonBlocking }
}
