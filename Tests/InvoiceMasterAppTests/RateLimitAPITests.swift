import XCTest
@testable import InvoiceMasterApp

final class RateLimitAPITests: DocumentsTestCase {
    override var serverVariables: [String: String] { ["RATE_LIMIT_REQUESTS": "3", "RATE_LIMIT_WINDOW_SECONDS": "60"] }

    func testLimitHeadersThen429() throws {
        for remaining in [2, 1, 0] {
            let response = try client.request("GET", "/api/v1/health")
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.header("X-RateLimit-Limit"), "3")
            XCTAssertEqual(response.header("X-RateLimit-Remaining"), String(remaining))
            XCTAssertNotNil(response.header("X-RateLimit-Reset"))
        }
        let refused = try client.request("GET", "/api/v1/documents")
        try assertError(refused, 429, "Rate limit exceeded")
        XCTAssertEqual(refused.header("Retry-After"), "20", "one request comes back every 60/3 seconds")
        XCTAssertEqual(refused.header("X-RateLimit-Remaining"), "0")
        XCTAssertEqual(try refused.json()["meta"]?.objectValue?["limit"], .number("3"))
        XCTAssertEqual(try server.client().request("GET", "/api/v1/health").status, 429, "per client IP, not per connection")
        XCTAssertTrue(server.log.lines.contains { $0.contains("\"status\":429") }, "refused requests are logged too")
    }

    func testForwardedForIsIgnoredFromUntrustedPeers() throws {
        for _ in 0..<3 { _ = try client.request("GET", "/api/v1/health") }
        let response = try client.request("GET", "/api/v1/health", headers: [("X-Forwarded-For", "203.0.113.7")])
        XCTAssertEqual(response.status, 429)
    }
}

final class TrustedProxyAPITests: DocumentsTestCase {
    override var serverVariables: [String: String] { ["RATE_LIMIT_REQUESTS": "1", "TRUSTED_PROXIES": "127.0.0.0/8"] }

    func testForwardedClientsAreLimitedSeparately() throws {
        let first = try client.request("GET", "/api/v1/health", headers: [("X-Forwarded-For", "203.0.113.7")])
        XCTAssertEqual(first.status, 200)
        XCTAssertEqual(try client.request("GET", "/api/v1/health", headers: [("X-Forwarded-For", "203.0.113.7")]).status, 429)
        XCTAssertEqual(try client.request("GET", "/api/v1/health", headers: [("X-Forwarded-For", "203.0.113.8")]).status, 200)
    }
}
