import HTTPServer

/// Turns thrown errors into envelopes: an `AppError` keeps its status and message; other errors
/// go through the translators (e.g. database errors → 503) and anything left is a 500
/// `Internal server error` with the request id in `meta` — the details go to the log only.
public struct ErrorMappingMiddleware: Middleware {
    /// Maps a library error to an `AppError`, or returns nil when it does not know it.
    public typealias Translator = @Sendable (Error) -> AppError?

    let logger: AppLogger
    let translators: [Translator]

    public init(logger: AppLogger, translators: [Translator] = []) {
        self.logger = logger
        self.translators = translators
    }

    public func respond(to request: AppRequest, next: NextResponder) throws -> HTTPResponse {
        do {
            return try next(request)
        } catch {
            return response(for: error, request: request)
        }
    }

    func response(for error: Error, request: AppRequest) -> HTTPResponse {
        if let appError = appError(for: error, request: request) {
            var headers = HTTPHeaders()
            for header in appError.headers { headers.add(name: header.name, value: header.value) }
            return .error(appError.status, appError.message, headers: headers)
        }
        logger.error("unhandled error", [
            ("request_id", .string(request.requestID)),
            ("method", .string(request.method.rawValue)),
            ("path", .string(request.path)),
            ("error", .string(String(reflecting: error))),
        ])
        return .error(.internalServerError, "Internal server error",
                      meta: JSONObject([("request_id", .string(request.requestID))]))
    }

    private func appError(for error: Error, request: AppRequest) -> AppError? {
        if let appError = error as? AppError { return appError }
        for translate in translators {
            if let appError = translate(error) {
                if appError.kind == .unavailable {
                    logger.warning("database error", [
                        ("request_id", .string(request.requestID)),
                        ("error", .string(String(describing: error))),
                    ])
                }
                return appError
            }
        }
        return nil
    }
}
