import Foundation
import XCTest
@testable import InvoiceMasterApp

/// https:// against a local `openssl s_server` whose certificate (self-signed, for localhost
/// and 127.0.0.1) the system does not trust.
final class WebhookTLSTests: XCTestCase {
    func testUntrustedCertificateFailsVerification() throws {
        let receiver = try OpenSSLReceiver()
        defer { receiver.stop() }
        for url in ["https://127.0.0.1:\(receiver.port)/hook", "https://localhost:\(receiver.port)/hook"] {
            let client = WebhookHTTPClient(endpoint: try WebhookEndpoint(parsing: url), timeout: 10)
            XCTAssertThrowsError(try client.post([], headers: []), url) { error in
                let failure = error as? WebhookTransportError
                XCTAssertEqual(failure?.kind, .tls, "\(error)")
                XCTAssertTrue(failure?.detail.contains("certificate verification failed: self-signed certificate") == true, "\(error)")
            }
        }
    }

    func testTrustedReceiverGetsTheRequestAndItsStatusComesBack() throws {
        let receiver = try OpenSSLReceiver()
        defer { receiver.stop() }
        var client = WebhookHTTPClient(endpoint: try WebhookEndpoint(parsing: "https://localhost:\(receiver.port)/hook?x=1"), timeout: 10)
        client.trustedCertificates = receiver.certificate
        let body = Array(#"{"event":"document.inferred"}"#.utf8)

        // Trusted, but reached by an address its certificate does not name: refused.
        var misnamed = WebhookHTTPClient(endpoint: try WebhookEndpoint(parsing: "https://127.0.0.2:\(receiver.port)/"), timeout: 10)
        misnamed.trustedCertificates = receiver.certificate
        XCTAssertThrowsError(try misnamed.post([], headers: [])) { error in
            XCTAssertEqual((error as? WebhookTransportError)?.detail, "certificate verification failed: IP address mismatch", "\(error)")
        }

        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<Int, Error>?
        DispatchQueue.global().async { [client] in
            outcome = Result { try client.post(body, headers: [("X-Webhook-Attempt", "1")]) }
            done.signal()
        }
        let request = try receiver.readRequest(endingWith: body)
        XCTAssertTrue(request.hasPrefix("POST /hook?x=1 HTTP/1.1\r\nHost: localhost:\(receiver.port)\r\n"), request)
        XCTAssertTrue(request.contains("\r\nX-Webhook-Attempt: 1\r\n\r\n"), request)
        receiver.answer("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")
        XCTAssertEqual(done.wait(timeout: .now() + 30), .success, "the client finishes (a liveness bound)")
        XCTAssertEqual(try outcome?.get(), 201)
    }
}

/// `openssl s_server` as a TLS receiver: what the client sends comes out of its stdout, what
/// the test writes to its stdin goes to the client, and closing stdin ends the connection.
private final class OpenSSLReceiver {
    let port: Int
    let certificate: String
    private let directory: URL
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else { throw XCTSkip("openssl CLI not installed") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("webhook-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = directory.appendingPathComponent("key.pem").path
        certificate = directory.appendingPathComponent("cert.pem").path
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        generate.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
                              "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-days", "1"]
        generate.standardError = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        guard generate.terminationStatus == 0 else { throw TestFailure("openssl req failed") }

        // -accept on 0.0.0.0 so that 127.0.0.2 (a name the certificate lacks) reaches it too.
        port = try closedLoopbackPort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["s_server", "-accept", "\(port)", "-cert", certificate, "-key", key, "-quiet"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening()
    }

    /// What s_server printed, once it ends with `body` (a liveness bound of 30 s).
    func readRequest(endingWith body: [UInt8]) throws -> String {
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(30)
        while !bytes.reversed().starts(with: body.reversed()) {
            guard Date() < deadline else { throw TestFailure("no request arrived: \(String(decoding: bytes, as: UTF8.self))") }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw TestFailure("s_server ended") }
            bytes += chunk
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func answer(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    private func waitUntilListening() throws {
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
