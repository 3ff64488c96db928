import HTTPServer

/// One access line per request, rate-limited and failed requests included.
public struct AccessLogMiddleware: Middleware {
    let logger: AppLogger

    public init(logger: AppLogger) { self.logger = logger }

    public func respond(to request: AppRequest, next: NextResponder) throws -> HTTPResponse {
        let started = UTCClock.monotonicMicroseconds()
        var status = 500
        defer {
            logger.access(requestID: request.requestID, method: request.method.rawValue, path: request.path,
                          status: status, durationMicroseconds: UTCClock.monotonicMicroseconds() - started,
                          remote: request.http.remoteAddress)
        }
        let response = try next(request)
        status = response.status.code
        return response
    }
}
