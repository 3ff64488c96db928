import Foundation
import XCTest
@testable import InvoiceMasterApp

/// https:// against a local `openssl s_server` with a self-signed certificate: the handshake
/// must fail on verification — the client trusts only the system's roots.
final class WebhookTLSTests: XCTestCase {
    func testUntrustedCertificateFailsVerification() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else { throw XCTSkip("openssl CLI not installed") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("webhook-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("key.pem").path
        let certificate = directory.appendingPathComponent("cert.pem").path
        let generate = try run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
                                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-days", "1"])
        generate.waitUntilExit()
        XCTAssertEqual(generate.terminationStatus, 0)

        let port = try closedLoopbackPort()
        let server = try run(["s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key, "-www", "-quiet"])
        defer { server.terminate(); server.waitUntilExit() }
        try waitUntilListening(port: port)

        for url in ["https://127.0.0.1:\(port)/hook", "https://localhost:\(port)/hook"] {
            let client = WebhookHTTPClient(endpoint: try WebhookEndpoint(parsing: url), timeout: 10)
            XCTAssertThrowsError(try client.post([], headers: []), url) { error in
                let failure = error as? WebhookTransportError
                XCTAssertEqual(failure?.kind, .tls, "\(error)")
                XCTAssertTrue(failure?.detail.contains("certificate verification failed: self-signed certificate") == true, "\(error)")
            }
        }
    }

    private func run(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits (a liveness bound, not a speed check) until s_server accepts connections.
    private func waitUntilListening(port: Int) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let socket = try? WebhookSocket(host: "127.0.0.1", port: port, timeout: 1, deadline: Date().addingTimeInterval(1)) {
                socket.close()
                return
            }
            usleep(50_000)
        }
        throw TestFailure("openssl s_server did not start")
    }
}
