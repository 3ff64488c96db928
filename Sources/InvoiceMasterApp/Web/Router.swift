import Foundation
import HTTPServer

/// What a route does with a request body, checked before its handler runs.
public enum BodyPolicy: Sendable {
    /// The route takes no body (one sent anyway is ignored).
    case none
    /// A JSON body of at most `maxBytes`: other Content-Types → 415, larger → 413.
    case json(maxBytes: Int)
    /// Any body of at most `maxBytes` (uploads); the handler checks the Content-Type.
    case any(maxBytes: Int)
}

public typealias RouteHandler = @Sendable (AppRequest) throws -> HTTPResponse

/// Matches method + path to a handler. Patterns are literal segments and `{name}` parameters:
/// `/api/v1/documents/{id}`. No trailing-slash redirects: `/documents/` is its own (unknown) path.
/// A known path with another method → 405 listing every method of that path in `Allow`; HEAD is
/// not routed implicitly.
///
/// Patterns without parameters are found by one dictionary lookup on the whole path, so the
/// common routes cost no path splitting; patterns with parameters are tried after them, most
/// specific first.
public final class Router: @unchecked Sendable {
    /// A class, so walking the candidates of a path costs one reference count per route.
    final class Route {
        let method: HTTPMethod
        let pattern: PathPattern
        let body: BodyPolicy
        let handler: RouteHandler

        init(method: HTTPMethod, pattern: PathPattern, body: BodyPolicy, handler: @escaping RouteHandler) {
            self.method = method; self.pattern = pattern; self.body = body; self.handler = handler
        }
    }

    // Written only while the application is being built, read-only once it serves.
    private var routes: [Route] = []
    /// Routes whose pattern has no parameters, by their exact path.
    private var literalRoutes: [String: [Route]] = [:]
    /// Routes with parameters, most specific first.
    private var parameterRoutes: [Route] = []

    public init() {}

    public func add(_ method: HTTPMethod, _ pattern: String, body: BodyPolicy = .none,
                    _ handler: @escaping RouteHandler) {
        let parsed = PathPattern(pattern)
        precondition(!routes.contains { $0.method == method && $0.pattern == parsed },
                     "route \(method) \(pattern) registered twice")
        let route = Route(method: method, pattern: parsed, body: body, handler: handler)
        routes.append(route)
        if parsed.hasParameters {
            parameterRoutes.append(route)
            // Literal segments win over parameters: `/documents/search` before `/documents/{id}`.
            parameterRoutes.sort { $0.pattern.specificity > $1.pattern.specificity }
        } else {
            literalRoutes[parsed.text, default: []].append(route)
        }
    }

    public func get(_ pattern: String, _ handler: @escaping RouteHandler) { add(.get, pattern, handler) }

    /// Every registered (method, pattern) pair, in registration order, for documentation and tests.
    public var registeredRoutes: [(method: HTTPMethod, pattern: String)] {
        routes.map { ($0.method, $0.pattern.text) }
    }

    /// Routes the request to its handler; throws 404/405/413/415 as `AppError`.
    public func respond(to request: AppRequest) throws -> HTTPResponse {
        var allowed: [String] = []
        // A literal pattern is the most specific match a path can have, so these come first.
        if let candidates = literalRoutes[request.path] {
            for route in candidates {
                if route.method == request.method {
                    try Self.checkBody(of: request, against: route.body)
                    return try route.handler(request)
                }
                if !allowed.contains(route.method.rawValue) { allowed.append(route.method.rawValue) }
            }
        }
        if !parameterRoutes.isEmpty {
            let segments = PathPattern.segments(of: request.path)
            for route in parameterRoutes {
                guard let parameters = route.pattern.match(segments) else { continue }
                guard route.method == request.method else {
                    if !allowed.contains(route.method.rawValue) { allowed.append(route.method.rawValue) }
                    continue
                }
                var request = request
                request.pathParameters = parameters
                try Self.checkBody(of: request, against: route.body)
                return try route.handler(request)
            }
        }
        if allowed.isEmpty { throw AppError(.notFound, "Not found: \(request.path)") }
        allowed.sort()
        let list = allowed.joined(separator: ", ")
        throw AppError(.methodNotAllowed,
                       "Method \(request.method.rawValue) not allowed on \(request.path); allowed: \(list)",
                       headers: [(name: "Allow", value: list)])
    }

    private static func checkBody(of request: AppRequest, against policy: BodyPolicy) throws {
        switch policy {
        case .none:
            return
        case .any(let maxBytes):
            try checkSize(request.body.count, maxBytes)
        case .json(let maxBytes):
            try checkSize(request.body.count, maxBytes)
            let contentType = request.http.headers["Content-Type"]
            guard let contentType, MediaType.isJSON(contentType) else {
                let got = contentType.map { "'\($0)'" } ?? "none"
                throw AppError(.unsupportedMediaType, "Unsupported Content-Type \(got): expected application/json")
            }
        }
    }

    private static func checkSize(_ size: Int, _ maxBytes: Int) throws {
        if size > maxBytes { throw AppError(.payloadTooLarge, "Request body larger than \(maxBytes) bytes") }
    }
}

/// A route's path pattern, split into segments.
struct PathPattern: Equatable {
    enum Segment: Equatable {
        case literal(String)
        case parameter(String)
    }

    let text: String
    let segments: [Segment]

    init(_ text: String) {
        precondition(text.hasPrefix("/"), "route patterns start with /")
        self.text = text
        segments = Self.segments(of: text).map { segment in
            if segment.hasPrefix("{") && segment.hasSuffix("}") {
                return .parameter(String(segment.dropFirst().dropLast()))
            }
            return .literal(String(segment))
        }
    }

    var hasParameters: Bool {
        segments.contains { if case .parameter = $0 { return true } else { return false } }
    }

    /// Literal segments count more than parameters, so the most specific route is tried first.
    var specificity: Int {
        segments.reduce(0) { total, segment in
            if case .literal = segment { return total + 2 } else { return total + 1 }
        }
    }

    static func segments(of path: String) -> [Substring] {
        path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
    }

    /// The parameter values when `path` matches, else nil.
    func match(_ path: [Substring]) -> [(name: String, value: String)]? {
        guard path.count == segments.count else { return nil }
        var parameters: [(name: String, value: String)] = []
        for (segment, part) in zip(segments, path) {
            switch segment {
            case .literal(let literal):
                // Byte equality: paths are matched as sent, without Unicode normalisation.
                if !part.utf8.elementsEqual(literal.utf8) { return nil }
            case .parameter(let name):
                if part.isEmpty { return nil }
                parameters.append((name: name, value: String(part)))
            }
        }
        return parameters
    }

    static func == (a: PathPattern, b: PathPattern) -> Bool { a.segments == b.segments }
}

/// Content-Type checks.
enum MediaType {
    /// `application/json` or any `application/*+json` (e.g. `application/merge-patch+json`),
    /// parameters such as `; charset=utf-8` ignored.
    static func isJSON(_ contentType: String) -> Bool {
        let media = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .trimmingCharacters(in: .whitespaces).lowercased()
        return media == "application/json" || (media.hasPrefix("application/") && media.hasSuffix("+json"))
    }
}
