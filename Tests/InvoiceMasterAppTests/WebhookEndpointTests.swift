import XCTest
@testable import InvoiceMasterApp

final class WebhookEndpointTests: XCTestCase {
    func testValidURLsAreTakenApart() throws {
        let cases: [(url: String, scheme: WebhookEndpoint.Scheme, host: String, port: Int, target: String, hostHeader: String)] = [
            ("http://hooks.example.com", .http, "hooks.example.com", 80, "/", "hooks.example.com"),
            ("https://hooks.example.com", .https, "hooks.example.com", 443, "/", "hooks.example.com"),
            ("HTTPS://hooks.example.com/in", .https, "hooks.example.com", 443, "/in", "hooks.example.com"),
            ("http://hooks.example.com:8080/a/b", .http, "hooks.example.com", 8080, "/a/b", "hooks.example.com:8080"),
            ("https://hooks.example.com:443/x", .https, "hooks.example.com", 443, "/x", "hooks.example.com"),
            ("http://hooks.example.com:443/x", .http, "hooks.example.com", 443, "/x", "hooks.example.com:443"),
            ("http://hooks.example.com:/x", .http, "hooks.example.com", 80, "/x", "hooks.example.com"),
            ("http://10.0.0.7/hook?token=a%20b&x=1", .http, "10.0.0.7", 80, "/hook?token=a%20b&x=1", "10.0.0.7"),
            ("http://example.com?x=1", .http, "example.com", 80, "/?x=1", "example.com"),
            ("http://example.com/p#fragment", .http, "example.com", 80, "/p", "example.com"),
            ("http://[::1]/hook", .http, "::1", 80, "/hook", "[::1]"),
            ("https://[2001:db8::42]:8443/h?q", .https, "2001:db8::42", 8443, "/h?q", "[2001:db8::42]:8443"),
            ("http://[::ffff:127.0.0.1]:81", .http, "::ffff:127.0.0.1", 81, "/", "[::ffff:127.0.0.1]:81"),
        ]
        for item in cases {
            let endpoint = try WebhookEndpoint(parsing: item.url)
            XCTAssertEqual(endpoint, WebhookEndpoint(scheme: item.scheme, host: item.host, port: item.port, target: item.target), item.url)
            XCTAssertEqual(endpoint.hostHeader, item.hostHeader, item.url)
        }
    }

    func testUnusableURLsAreRefusedWithAReason() {
        let cases: [(url: String, reason: String)] = [
            ("hooks.example.com/in", "no scheme"),
            ("ftp://hooks.example.com/", "scheme is not http or https"),
            ("http:///path", "no host"),
            ("http://:8080/path", "no host"),
            ("http://:secret@hooks.example.com/", "malformed user info (expected user:password, percent-encoded)"),
            ("http://us%zz:pw@hooks.example.com/", "malformed user info (expected user:password, percent-encoded)"),
            ("http://hooks.example.com:0/", "port is not a number in 1...65535"),
            ("http://hooks.example.com:65536/", "port is not a number in 1...65535"),
            ("http://hooks.example.com:80a/", "port is not a number in 1...65535"),
            ("http://hooks.example.com:-1/", "port is not a number in 1...65535"),
            ("http://[::1/", "unclosed IPv6 literal"),
            ("http://[example.com]/", "malformed IPv6 literal"),
            ("http://[::1]x/", "unexpected characters after the IPv6 literal"),
            ("http://host]/", "malformed host"),
            ("http://hooks.example.com/a b", "spaces, control or non-ASCII characters"),
            ("http://hooks.example.com/a\r\nX-Injected: 1", "spaces, control or non-ASCII characters"),
            ("http://hööks.example.com/", "spaces, control or non-ASCII characters"),
        ]
        for item in cases {
            XCTAssertThrowsError(try WebhookEndpoint(parsing: item.url), item.url) { error in
                XCTAssertEqual((error as? WebhookEndpointError)?.reason, item.reason, item.url)
            }
        }
    }

    func testUserInfoBecomesBasicCredentials() throws {
        let cases: [(url: String, user: String, password: String, authorization: String)] = [
            ("https://hook-user:s3cret@hooks.example.com/in", "hook-user", "s3cret", "Basic aG9vay11c2VyOnMzY3JldA=="),
            ("http://user:p%40ss%3Aword@10.0.0.7:81/", "user", "p@ss:word", "Basic dXNlcjpwQHNzOndvcmQ="),
            ("http://token@[::1]/h", "token", "", "Basic dG9rZW46"),
        ]
        for item in cases {
            let endpoint = try WebhookEndpoint(parsing: item.url)
            XCTAssertEqual(endpoint.credentials, WebhookEndpoint.Credentials(user: item.user, password: item.password), item.url)
            XCTAssertEqual(endpoint.credentials?.basicAuthorization, item.authorization, item.url)
            XCTAssertFalse(endpoint.hostHeader.contains("@"), item.url)
        }
        XCTAssertNil(try WebhookEndpoint(parsing: "http://hooks.example.com/a@b").credentials, "an @ in the path is not user info")
    }

    func testMessagesNeverShowThePassword() {
        XCTAssertEqual(WebhookEndpoint.maskingPassword("https://user:s3cret@hooks.example.com:8/x?y=1"),
                       "https://user:***@hooks.example.com:8/x?y=1")
        XCTAssertEqual(WebhookEndpoint.maskingPassword("http://hooks.example.com/a:b@c"), "http://hooks.example.com/a:b@c")
        XCTAssertThrowsError(try WebhookEndpoint(parsing: "http://user:s3cret@hooks.example.com:99999/")) { error in
            XCTAssertFalse(String(describing: error).contains("s3cret"), "\(error)")
        }
        XCTAssertThrowsError(try Settings(variables: ["WEBHOOK_URL": "ftp://user:s3cret@hooks.example.com/"])) { error in
            XCTAssertFalse(String(describing: error).contains("s3cret"), "\(error)")
        }
    }

    func testEverySettingsAcceptedURLIsUsable() throws {
        // The settings validate WEBHOOK_URL with URLComponents; what they accept, the client must take.
        for text in ["http://h.example/x?y=1", "https://[::1]:9/", "http://127.0.0.1:1/hooks/invoices", "https://u:p%2F@h.example/"] {
            let settings = try Settings(variables: ["WEBHOOK_URL": text])
            let url = try XCTUnwrap(settings.inference.webhookURL)
            XCTAssertNoThrow(try WebhookEndpoint(parsing: url.absoluteString), text)
        }
    }
}
