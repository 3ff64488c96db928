import HTTPServer

/// Per client IP. Every response carries `X-RateLimit-Limit/Remaining/Reset` (seconds); a
/// refused request is a 429 envelope with `Retry-After` as well.
public struct RateLimitMiddleware: Middleware {
    let limiter: RateLimiter
    let resolver: ClientAddressResolver

    public init(limiter: RateLimiter, resolver: ClientAddressResolver) {
        self.limiter = limiter
        self.resolver = resolver
    }

    public func respond(to request: AppRequest, next: NextResponder) throws -> HTTPResponse {
        var request = request
        request.clientAddress = resolver.clientAddress(
            peer: request.http.remoteAddress, forwardedFor: request.http.headers.values(for: "X-Forwarded-For"))
        let now = Double(UTCClock.monotonicMicroseconds()) / 1_000_000
        let decision = limiter.hit(request.clientAddress, now: now)
        if !decision.allowed {
            let retryAfter = max(1, Self.ceilSeconds(decision.retryAfterSeconds))
            var headers = HTTPHeaders()
            headers.add(name: "X-RateLimit-Limit", value: String(limiter.limit))
            headers.add(name: "X-RateLimit-Remaining", value: "0")
            headers.add(name: "X-RateLimit-Reset", value: String(retryAfter))
            headers.add(name: "Retry-After", value: String(retryAfter))
            let meta = JSONObject([
                ("limit", .number(String(limiter.limit))),
                ("window_seconds", .number(limiter.windowSeconds.description)),
                ("retry_after_seconds", .number(String(retryAfter))),
            ])
            return .error(.tooManyRequests, "Rate limit exceeded", meta: meta, headers: headers)
        }
        var response = try next(request)
        response.headers.add(name: "X-RateLimit-Limit", value: String(limiter.limit))
        response.headers.add(name: "X-RateLimit-Remaining", value: String(decision.remaining))
        response.headers.add(name: "X-RateLimit-Reset", value: String(Self.ceilSeconds(decision.resetSeconds)))
        return response
    }

    static func ceilSeconds(_ seconds: Double) -> Int { max(0, Int((seconds - 1e-9).rounded(.up))) }
}
