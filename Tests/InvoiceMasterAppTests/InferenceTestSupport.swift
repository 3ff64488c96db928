#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest
@testable import InvoiceMasterApp

/// Runs a command line tool and returns its exit status. posix_spawn rather than Foundation's
/// Process, whose waitUntilExit was seen to hang in this test process.
func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    var pid = pid_t()
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
    guard spawned == 0 else { throw TestFailure("cannot run \(path): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
}

/// Uploads for `POST /api/v1/infer`: one request per connection, the body as raw bytes (PDFs
/// are binary, so the string-bodied `TestHTTPClient` does not fit).
enum InferenceUploader {
    static func multipart(_ pdf: [UInt8], filename: String = "invoice.pdf", partName: String = "file",
                          extraParts: [(name: String, value: String)] = [],
                          query: String = "", port: Int) throws -> TestResponse {
        let boundary = "----invoice-master-test-\(UUID().uuidString)"
        var body: [UInt8] = []
        for part in extraParts {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\"\r\n\r\n\(part.value)\r\n".utf8)
        }
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(partName)\"; filename=\"\(filename)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
        body += pdf
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        return try post(body, contentType: "multipart/form-data; boundary=\(boundary)", query: query, port: port)
    }

    static func raw(_ bytes: [UInt8], contentType: String? = "application/pdf", query: String = "",
                    port: Int) throws -> TestResponse {
        try post(bytes, contentType: contentType, query: query, port: port)
    }

    static func post(_ body: [UInt8], contentType: String?, query: String, port: Int) throws -> TestResponse {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketDescriptor) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { throw TestFailure("connect to 127.0.0.1:\(port) failed") }
        var head = "POST \(InferenceRoutes.path)\(query.isEmpty ? "" : "?" + query) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let request = Array(head.utf8) + body
        var offset = 0
        while offset < request.count {
            let written = request.withUnsafeBytes {
                send(socketDescriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            // The server may answer (413) and close before reading the whole body.
            if written <= 0 { break }
            offset += written
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socketDescriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return try parseResponse(received)
    }

    /// Status, headers and a Content-Length body of one HTTP/1.1 response.
    static func parseResponse(_ bytes: [UInt8]) throws -> TestResponse {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0...max(0, bytes.count - 4)).first(where: { Array(bytes[$0..<min(bytes.count, $0 + 4)]) == separator })
        else { throw TestFailure("no complete response: \(String(decoding: bytes, as: UTF8.self))") }
        let headLines = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = headLines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw TestFailure("bad status line \(headLines[0])") }
        let headers: [(name: String, value: String)] = headLines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        let bodyStart = end + 4
        return TestResponse(status: status, headers: headers,
                            body: Array(bytes[bodyStart..<min(bytes.count, bodyStart + length)]))
    }
}

/// A webhook endpoint on 127.0.0.1 for the tests: answers each POST with the next scripted
/// status (then 200), records what arrived, and can hold its first answer until released.
final class WebhookReceiver: @unchecked Sendable {
    struct Delivery {
        let headers: [(name: String, value: String)]
        let body: [UInt8]
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    }

    let port: Int
    private let listener: LoopbackListener
    private let condition = NSCondition()
    private var statuses: [Int]
    private var received: [Delivery] = []
    private var holdFirstAnswer: Bool
    private var stopped = false

    init(statuses: [Int], holdFirstAnswer: Bool = false) throws {
        self.statuses = statuses
        self.holdFirstAnswer = holdFirstAnswer
        listener = try LoopbackListener()
        port = listener.port
        listener.start { [self] client in handle(client) }
    }

    var url: String { "http://127.0.0.1:\(port)/hooks/invoices" }

    var deliveries: [Delivery] { condition.withLock { received } }

    /// Lets the held first answer go out.
    func releaseFirstAnswer() {
        condition.withLock {
            holdFirstAnswer = false
            condition.broadcast()
        }
    }

    /// Waits until `count` requests arrived (a liveness bound, not a speed check).
    func waitForDeliveries(_ count: Int, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        return condition.withLock {
            while received.count < count {
                if !condition.wait(until: deadline) { return received.count >= count }
            }
            return true
        }
    }

    func stop() {
        condition.withLock { stopped = true; condition.broadcast() }
        listener.stop()
    }

    private func handle(_ client: Int32) {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var sentContinue = false
        while true {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return }
            bytes += buffer[0..<count]
            guard let (headers, bodyStart) = Self.parseHead(bytes) else { continue }
            let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
            if bytes.count - bodyStart < length {
                // libcurl asks before sending larger bodies.
                let expects = headers.contains { $0.name.lowercased() == "expect" && $0.value.lowercased() == "100-continue" }
                if expects && !sentContinue {
                    sentContinue = true
                    _ = "HTTP/1.1 100 Continue\r\n\r\n".withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
                }
                continue
            }
            let status: Int = condition.withLock {
                received.append(Delivery(headers: headers, body: Array(bytes[bodyStart..<(bodyStart + length)])))
                condition.broadcast()
                while holdFirstAnswer && received.count == 1 && !stopped { condition.wait() }
                return statuses.isEmpty ? 200 : statuses.removeFirst()
            }
            let answer = "HTTP/1.1 \(status) Scripted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            _ = answer.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            return
        }
    }

    /// Header fields and where the body starts, once the whole head has arrived.
    private static func parseHead(_ bytes: [UInt8]) -> ([(name: String, value: String)], Int)? {
        guard bytes.count >= 4,
              let end = (0...(bytes.count - 4)).first(where: { bytes[$0] == 0x0D && bytes[$0 + 1] == 0x0A && bytes[$0 + 2] == 0x0D && bytes[$0 + 3] == 0x0A })
        else { return nil }
        let lines = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n").dropFirst()
        let headers: [(name: String, value: String)] = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return (headers, end + 4)
    }
}
