#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest
@testable import InvoiceMasterApp

/// PostgreSQL stopped and started again under a running server: 503 `database unavailable`
/// while it is down, normal answers afterwards — without restarting the server. Uses a
/// throwaway cluster of its own (scripts/db with LOCAL_DB_DATA_DIR), never the shared one.
final class DatabaseRestartTests: XCTestCase {
    private var dataDirectory = ""
    private var port = 0

    /// Runs `scripts/db COMMAND` for the throwaway cluster. posix_spawn + waitpid rather than
    /// Foundation's Process, whose waitUntilExit did not see the child exit inside XCTest.
    private func runDatabaseScript(_ command: String) throws {
        let script = TestDatabase.repositoryRoot.appendingPathComponent("scripts/db").path
        var environment = ProcessInfo.processInfo.environment
        environment["LOCAL_DB_DATA_DIR"] = dataDirectory
        environment["LOCAL_DB_PORT"] = String(port)
        let arguments = ["/bin/bash", script, command]
        let environmentLines = environment.map { "\($0.key)=\($0.value)" }
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&fileActions, 2, "/dev/null", O_WRONLY, 0)
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = environmentLines.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/bash", &fileActions, nil, &argv, &envp) == 0 else {
            throw TestFailure("cannot run scripts/db \(command)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else { throw TestFailure("scripts/db \(command) failed (wait status \(status))") }
    }

    private static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                _ = bind(fd, pointer, length)
                _ = getsockname(fd, pointer, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    override func setUpWithError() throws {
        _ = try TestDatabase.url()  // skip (or fail) like the other database tests
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("im-restart-\(UUID().uuidString)").path
        port = Self.freePort()
        try runDatabaseScript("start")
    }

    override func tearDown() {
        // XCTest calls tearDown after a skip in setUp too; with no throwaway cluster made, an
        // empty LOCAL_DB_DATA_DIR would make scripts/db stop the developer's own cluster.
        guard !dataDirectory.isEmpty else { return }
        try? runDatabaseScript("stop")
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: dataDirectory)) ?? dataDirectory
        try? FileManager.default.removeItem(atPath: target)
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }

    /// Polls until `request` answers `status`; the bound only keeps a broken build from hanging.
    private func waitFor(_ status: Int, _ request: () throws -> TestResponse) throws -> TestResponse {
        var last: TestResponse?
        for _ in 0..<300 {
            if let response = try? request() {
                last = response
                if response.status == status { return response }
            }
            usleep(100_000)
        }
        throw TestFailure("never answered \(status); last: \(last.map { "\($0.status) \($0.text)" } ?? "none")")
    }

    func testServerAnswers503WhileTheDatabaseIsDownAndRecoversAlone() throws {
        let server = try TestServer(["DB_ACQUIRE_TIMEOUT_MS": "2000"],
                                    databaseURL: "postgresql://postgres@127.0.0.1:\(port)/invoice_master_test")
        defer { server.stop() }
        let client = try server.client()
        let created = try client.request("POST", "/api/v1/documents", body: #"{"filename":"survivor.pdf"}"#)
        XCTAssertEqual(created.status, 201, created.text)

        try runDatabaseScript("stop")
        let down = try waitFor(503) { try client.request("GET", "/api/v1/documents") }
        XCTAssertEqual(try down.error(), "database unavailable")
        XCTAssertEqual(try client.request("GET", "/api/v1/ready").status, 503)
        XCTAssertEqual(try client.request("POST", "/api/v1/documents", body: #"{"filename":"lost.pdf"}"#).status, 503)
        XCTAssertEqual(try client.request("GET", "/api/v1/health").status, 200, "liveness does not need the database")

        try runDatabaseScript("start")
        _ = try waitFor(200) { try client.request("GET", "/api/v1/ready") }
        let listed = try client.request("GET", "/api/v1/documents")
        XCTAssertEqual(listed.status, 200)
        guard case .array(let documents) = try listed.data() else { return XCTFail(listed.text) }
        XCTAssertEqual(documents.count, 1)
        XCTAssertEqual(try client.request("POST", "/api/v1/documents", body: #"{"filename":"after.pdf"}"#).status, 201)
    }
}
