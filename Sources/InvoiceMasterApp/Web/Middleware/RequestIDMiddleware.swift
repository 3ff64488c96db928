import HTTPServer

/// Takes a sane incoming `X-Request-ID` (1–128 characters of `[A-Za-z0-9._~:@+=/-]`) or makes a
/// UUID-shaped one, and echoes it on the response.
public struct RequestIDMiddleware: Middleware {
    public static let headerName = "X-Request-ID"

    private let generator = RequestIDGenerator()

    public init() {}

    public func respond(to request: AppRequest, next: NextResponder) throws -> HTTPResponse {
        var request = request
        if let incoming = request.http.headers[Self.headerName], Self.isSane(incoming) {
            request.requestID = incoming
        } else {
            request.requestID = generator.next()
        }
        var response = try next(request)
        response.headers.add(name: Self.headerName, value: request.requestID)
        return response
    }

    /// Whether a client-chosen id is safe to log and echo.
    public static func isSane(_ id: String) -> Bool {
        let utf8 = id.utf8
        guard (1...128).contains(utf8.count) else { return false }
        return utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "._~:@+=/-".utf8.contains(byte)
            }
        }
    }
}
