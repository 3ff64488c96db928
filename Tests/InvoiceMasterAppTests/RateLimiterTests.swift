import XCTest
@testable import InvoiceMasterApp

final class RateLimiterTests: XCTestCase {
    func testAllowsTheLimitThenRefusesUntilATokenReturns() {
        let limiter = RateLimiter(limit: 3, windowSeconds: 60)
        let first = limiter.hit("a", now: 100)
        XCTAssertEqual(first.allowed, true)
        XCTAssertEqual(first.remaining, 2)
        XCTAssertEqual(limiter.hit("a", now: 100).remaining, 1)
        XCTAssertEqual(limiter.hit("a", now: 100).remaining, 0)
        let refused = limiter.hit("a", now: 100)
        XCTAssertFalse(refused.allowed)
        XCTAssertEqual(refused.retryAfterSeconds, 20, accuracy: 1e-6, "one request back every window/limit seconds")
        XCTAssertTrue(limiter.hit("b", now: 100).allowed, "clients are independent")
        XCTAssertFalse(limiter.hit("a", now: 119.9).allowed)
        let later = limiter.hit("a", now: 120)
        XCTAssertTrue(later.allowed)
        XCTAssertEqual(later.remaining, 0)
        XCTAssertEqual(later.resetSeconds, 60, accuracy: 1e-6)
    }

    func testIdleClientsAreEvicted() {
        let limiter = RateLimiter(limit: 10, windowSeconds: 1)
        for client in 0..<100 { _ = limiter.hit("client-\(client)", now: 0) }
        XCTAssertEqual(limiter.trackedClients, 100)
        limiter.sweep(now: 0.05)
        XCTAssertEqual(limiter.trackedClients, 100, "buckets not yet full again are kept")
        limiter.sweep(now: 0.2)
        XCTAssertEqual(limiter.trackedClients, 0)
    }

    func testClientAddressTrustsForwardedForOnlyFromTrustedProxies() {
        let resolver = ClientAddressResolver(trustedProxies: [IPNetwork("10.0.0.0/8")!, IPNetwork("::1")!])
        XCTAssertEqual(resolver.clientAddress(peer: "203.0.113.9", forwardedFor: ["1.2.3.4"]), "203.0.113.9")
        XCTAssertEqual(resolver.clientAddress(peer: "10.1.2.3", forwardedFor: ["1.2.3.4"]), "1.2.3.4")
        XCTAssertEqual(resolver.clientAddress(peer: "10.1.2.3", forwardedFor: ["6.6.6.6, 1.2.3.4", "10.9.9.9"]), "1.2.3.4",
                       "the rightmost hop that is not a trusted proxy")
        XCTAssertEqual(resolver.clientAddress(peer: "::1", forwardedFor: ["not-an-ip"]), "::1")
        XCTAssertEqual(resolver.clientAddress(peer: "10.1.2.3", forwardedFor: []), "10.1.2.3")
        XCTAssertEqual(ClientAddressResolver(trustedProxies: []).clientAddress(peer: "10.1.2.3", forwardedFor: ["1.2.3.4"]), "10.1.2.3")
    }

    func testNetworks() {
        XCTAssertTrue(IPNetwork("192.168.0.0/16")!.contains(IPAddress("192.168.200.1")!))
        XCTAssertFalse(IPNetwork("192.168.0.0/16")!.contains(IPAddress("192.169.0.1")!))
        XCTAssertTrue(IPNetwork("10.0.0.0/9")!.contains(IPAddress("10.127.0.1")!))
        XCTAssertFalse(IPNetwork("10.0.0.0/9")!.contains(IPAddress("10.128.0.1")!))
        XCTAssertTrue(IPNetwork("0.0.0.0/0")!.contains(IPAddress("8.8.8.8")!))
        XCTAssertTrue(IPNetwork("fd00::/8")!.contains(IPAddress("fd12::1")!))
        XCTAssertTrue(IPNetwork("127.0.0.1")!.contains(IPAddress("::ffff:127.0.0.1")!))
        XCTAssertFalse(IPNetwork("::1")!.contains(IPAddress("127.0.0.1")!))
        XCTAssertNil(IPNetwork("10.0.0.0/40"))
        XCTAssertNil(IPNetwork("example.com"))
    }
}
