import Foundation
import Postgres
import XCTest

/// The database the integration tests run against: `TEST_DATABASE_URL` (scripts/test sets it).
/// Without it the tests skip, unless `INVOICE_MASTER_REQUIRE_DATABASE=1` demands a database,
/// in which case they fail with a message saying how to provide one.
enum TestDatabase {
    struct Missing: Error, CustomStringConvertible {
        let description = "TEST_DATABASE_URL is not set but INVOICE_MASTER_REQUIRE_DATABASE=1: run scripts/test, "
            + "or export TEST_DATABASE_URL=$(scripts/db url --test) after scripts/db start"
    }

    static func url() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["TEST_DATABASE_URL"], !url.isEmpty { return url }
        if environment["INVOICE_MASTER_REQUIRE_DATABASE"] == "1" {
            XCTFail(Missing().description)
            throw Missing()
        }
        throw XCTSkip("TEST_DATABASE_URL is not set; database tests skipped")
    }

    /// A configuration with an application_name unique to this pool, so pg_stat_activity
    /// can count exactly its sessions.
    static func configuration(_ connectionString: String, min: Int = 0, max: Int = 4,
                              acquireTimeout: Double = 30) -> PostgresConfiguration {
        var configuration = PostgresConfiguration(connectionString: connectionString)
        configuration.minConnections = min
        configuration.maxConnections = max
        configuration.acquireTimeout = acquireTimeout
        configuration.applicationName = "pgtest-" + UUID().uuidString.prefix(12).lowercased()
        return configuration
    }

    /// `connectionString` with `search_path` pointed at `schema` (URL or key=value form).
    static func connectionString(_ connectionString: String, searchPath schema: String) -> String {
        if connectionString.contains("://") {
            let separator = connectionString.contains("?") ? "&" : "?"
            return connectionString + separator + "options=-csearch_path%3D" + schema
        }
        return connectionString + " options='-csearch_path=\(schema)'"
    }
}

/// A schema of its own for one test, dropped afterwards, so tests never see each other's
/// tables (or the application's).
final class IsolatedSchema {
    let name = "pgtest_" + UUID().uuidString.prefix(8).lowercased()
    let baseURL: String
    let connectionString: String
    private var admin: PostgresConnection?

    init() throws {
        baseURL = try TestDatabase.url()
        let admin = try PostgresConnection.connect(PostgresConfiguration(connectionString: baseURL))
        try admin.execute("CREATE SCHEMA \(name)")
        self.admin = admin
        connectionString = TestDatabase.connectionString(baseURL, searchPath: name)
    }

    func drop() {
        _ = try? admin?.execute("DROP SCHEMA IF EXISTS \(name) CASCADE")
        admin = nil  // XCTest keeps test cases alive; do not keep their sessions too
    }
}

/// Sessions in pg_stat_activity carrying `applicationName`, seen from a separate connection.
func sessionCount(applicationName: String, via admin: PostgresConnection) throws -> Int {
    try admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1",
                    [.text(applicationName)])[0].int("n")
}

/// Polls `condition` until it holds or `seconds` pass (a liveness bound, not a speed check).
func waitUntil(seconds: Double = 30, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(20_000)
    }
    return try condition()
}

/// Runs `body` on `count` threads at once and waits for all of them.
func runOnThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.start()
    }
    group.wait()
}

/// Errors gathered from several threads.
final class ErrorLog: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []

    func record(_ error: Error) { lock.withLock { errors.append(error) } }
    var all: [Error] { lock.withLock { errors } }
}

/// A loopback TCP port nothing listens on right now.
func unusedPort() throws -> Int {
    let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socketDescriptor >= 0 else { throw POSIXError(.EIO) }
    defer { close(socketDescriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic -> Bool in
            bind(socketDescriptor, generic, length) == 0 && getsockname(socketDescriptor, generic, &length) == 0
        }
    }
    guard bound else { throw POSIXError(.EADDRINUSE) }
    return Int(UInt16(bigEndian: address.sin_port))
}
