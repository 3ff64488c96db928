import HTTPServer

/// The rest of the chain, as seen from one middleware.
public typealias NextResponder = (AppRequest) throws -> HTTPResponse

/// One link of the chain. It may change the request, answer by itself, or call `next` and change
/// the response.
public protocol Middleware: Sendable {
    func respond(to request: AppRequest, next: NextResponder) throws -> HTTPResponse
}

/// Middlewares composed around a final responder, outermost first. Composed once, at start-up.
public struct MiddlewareChain: Sendable {
    private let entry: @Sendable (AppRequest) throws -> HTTPResponse

    public init(_ middlewares: [any Middleware], endpoint: @escaping @Sendable (AppRequest) throws -> HTTPResponse) {
        var next = endpoint
        for middleware in middlewares.reversed() {
            let inner = next
            next = { request in try middleware.respond(to: request, next: inner) }
        }
        entry = next
    }

    public func respond(to request: AppRequest) throws -> HTTPResponse { try entry(request) }
}
