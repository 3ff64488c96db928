import Foundation
import HTTPServer
import Postgres
import XCTest
@testable import InvoiceMasterApp

/// The test database from TEST_DATABASE_URL (scripts/test sets it). Without it the integration
/// tests skip — or fail, when INVOICE_MASTER_REQUIRE_DATABASE=1 says a database must be there.
enum TestDatabase {
    static func url() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["TEST_DATABASE_URL"], !url.isEmpty { return url }
        if environment["INVOICE_MASTER_REQUIRE_DATABASE"] == "1" {
            throw TestFailure("TEST_DATABASE_URL is not set but INVOICE_MASTER_REQUIRE_DATABASE=1: run the tests with scripts/test")
        }
        throw XCTSkip("TEST_DATABASE_URL is not set (scripts/test sets it)")
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var migrationsDirectory: String { repositoryRoot.appendingPathComponent("migrations").path }
}

/// The whole application (pool, migrations, router, middleware) behind a real HTTPServer on a
/// free port of 127.0.0.1, against the test database, with the log captured.
final class TestServer {
    let application: Application
    let server: HTTPServer
    let log = CapturedLog()
    let settings: Settings

    /// `variables` override the test defaults (rate limiting and cache as in production unless set).
    init(_ variables: [String: String] = [:], databaseURL: String? = nil) throws {
        var all = [
            "DATABASE_URL": try databaseURL ?? TestDatabase.url(),
            "HTTP_PORT": "0",
            "MIGRATIONS_DIR": TestDatabase.migrationsDirectory,
            "RATE_LIMIT_REQUESTS": "0",
            "DB_ACQUIRE_TIMEOUT_MS": "5000",
        ]
        all.merge(variables) { _, override in override }
        settings = try Settings(variables: all)
        application = try Application(settings: settings, logWriter: log.writer)
        var configuration = application.httpServerConfiguration
        configuration.shutdownGracePeriod = 2
        server = HTTPServer(configuration: configuration, responder: application)
        try server.start()
    }

    var port: Int { server.port }
    var pool: PostgresPool { application.pool }

    func client() throws -> TestHTTPClient { try TestHTTPClient(port: port) }

    func stop() {
        server.shutdown()
        server.waitUntilStopped()
        application.shutdown()
    }

    /// Deletes every document (labels cascade) and every queued webhook delivery.
    func truncate() throws {
        try pool.withConnection { try $0.query("TRUNCATE documents, webhook_deliveries CASCADE") }
    }
}
