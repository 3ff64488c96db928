import Foundation
import Postgres
import XCTest

/// The database stops and comes back while one pool lives on: callers get connection errors
/// while it is down and working connections afterwards, without a new pool.
/// Runs a throwaway cluster of its own (scripts/db with LOCAL_DB_DATA_DIR/LOCAL_DB_PORT), so the
/// shared test database is never stopped.
final class PostgresRestartTests: XCTestCase {
    private var cluster: ThrowawayCluster?

    override func tearDown() {
        cluster?.destroy()
    }

    func testPoolRecoversAfterDatabaseRestart() throws {
        _ = try TestDatabase.url()  // same skip/require rules as every database test
        let cluster = try ThrowawayCluster()
        self.cluster = cluster
        try cluster.run("start")

        var configuration = TestDatabase.configuration(cluster.url, min: 2, max: 3, acquireTimeout: 5)
        configuration.maxReconnectDelay = 0.5
        let pool = PostgresPool(configuration: configuration)
        defer { pool.close() }
        pool.start()
        XCTAssertEqual(try pool.withConnection { try $0.query("SELECT 1 AS one")[0].int("one") }, 1)

        try cluster.run("stop")
        for _ in 0..<3 {
            XCTAssertThrowsError(try pool.withConnection { try $0.query("SELECT 1") }) { error in
                XCTAssertTrue((error as? PostgresError)?.isUnavailable == true, "not a connection error: \(error)")
            }
        }

        try cluster.run("start")
        XCTAssertTrue(waitUntil(seconds: 60) {
            (try? pool.withConnection { try $0.query("SELECT 1 AS one")[0].int("one") }) == 1
        }, "the same pool works again once the database is back")
        XCTAssertTrue(waitUntil(seconds: 60) { pool.openConnectionCount >= 2 }, "background minimum restored")
        XCTAssertLessThanOrEqual(pool.peakOpenConnectionCount, 3)
    }
}

/// A PostgreSQL cluster in a temporary directory on a free port, managed through scripts/db.
final class ThrowawayCluster {
    let directory: String
    let port: Int
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    var url: String { "postgresql://postgres@127.0.0.1:\(port)/postgres" }

    init() throws {
        let parent = NSTemporaryDirectory() + "pgtest-cluster-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        directory = parent + "/data"
        port = try unusedPort()
    }

    /// Runs `scripts/db <command>` for this cluster. posix_spawn rather than Foundation's Process,
    /// which was seen to hang in waitUntilExit here; output goes to a file shown on failure.
    func run(_ command: String) throws {
        let script = Self.packageRoot + "/scripts/db"
        let log = directory + "-\(command).log"
        var environment = ProcessInfo.processInfo.environment
        environment["LOCAL_DB_DATA_DIR"] = directory
        environment["LOCAL_DB_PORT"] = String(port)
        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(script), strdup(command), nil]
        let variables: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (arguments + variables).forEach { free($0) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var pid = pid_t()
        let spawned = posix_spawn(&pid, script, &actions, nil, arguments, variables)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        let exitCode = (status >> 8) & 0xff
        guard exited && exitCode == 0 else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw NSError(domain: "ThrowawayCluster", code: Int(exitCode),
                          userInfo: [NSLocalizedDescriptionKey: "scripts/db \(command) failed: \(output)"])
        }
    }

    func destroy() {
        _ = try? run("stop")
        let parent = (directory as NSString).deletingLastPathComponent
        // scripts/db may have moved the data elsewhere behind a symlink.
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: directory) {
            try? FileManager.default.removeItem(atPath: target)
        }
        try? FileManager.default.removeItem(atPath: parent)
        for command in ["start", "stop"] { try? FileManager.default.removeItem(atPath: directory + "-\(command).log") }
    }
}
