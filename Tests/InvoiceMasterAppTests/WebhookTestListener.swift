import Foundation
import XCTest

/// A raw-socket HTTP receiver for the webhook client's tests: records each request's exact
/// bytes and answers with scripted bytes — or, with `answer: nil`, never answers (until stopped).
final class WebhookTestListener: @unchecked Sendable {
    let port: Int
    private let listener: LoopbackListener
    private let answer: [UInt8]?
    private let condition = NSCondition()
    private var requests: [[UInt8]] = []
    private var stopped = false

    init(loopback: String = "127.0.0.1", answer: String?) throws {
        self.answer = answer.map { Array($0.utf8) }
        listener = try LoopbackListener(address: loopback)
        port = listener.port
        listener.start { [self] client in handle(client) }
    }

    /// The raw bytes of the first request, once it arrived completely (a liveness bound).
    func firstRequest(seconds: Double = 30) -> [UInt8]? {
        let deadline = Date().addingTimeInterval(seconds)
        return condition.withLock {
            while requests.isEmpty { if !condition.wait(until: deadline) { break } }
            return requests.first
        }
    }

    func stop() {
        condition.withLock { stopped = true; condition.broadcast() }
        listener.stop()
    }

    private func handle(_ client: Int32) {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !Self.isComplete(bytes) {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return }
            bytes += buffer[0..<count]
        }
        condition.withLock {
            requests.append(bytes)
            condition.broadcast()
            while answer == nil && !stopped { condition.wait() }
        }
        if let answer { _ = answer.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
    }

    /// Head and Content-Length body arrived.
    private static func isComplete(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return false }
        let length = text[..<end.lowerBound].split(separator: "\r\n")
            .first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        return text.utf8.distance(from: text.utf8.startIndex, to: end.upperBound) + length <= bytes.count
    }
}

/// A TCP port on 127.0.0.1 that nobody listens on: bound once, then released.
func closedLoopbackPort() throws -> Int {
    let listener = try LoopbackListener()
    listener.stop()
    return listener.port
}

/// A listening TCP socket on a loopback address whose accept loop runs on its own thread:
/// each connection is handed to `handle`, then closed. The webhook test receivers share it.
final class LoopbackListener: @unchecked Sendable {
    let port: Int
    private let descriptor: Int32

    init(address loopback: String = "127.0.0.1") throws {
        var hints = addrinfo()
        hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(loopback, "0", &hints, &list) == 0, let address = list?.pointee else {
            throw TestFailure("cannot resolve \(loopback)")
        }
        defer { freeaddrinfo(list) }
        let fd = socket(address.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        var bound = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let listening = withUnsafeMutablePointer(to: &bound) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, address.ai_addr, address.ai_addrlen) == 0 && listen(fd, 16) == 0
                    && getsockname(fd, $0, &length) == 0
            }
        }
        guard listening else {
            close(fd)
            throw TestFailure("cannot listen on \(loopback)")
        }
        descriptor = fd
        // sin_port and sin6_port sit at the same offset.
        port = withUnsafeBytes(of: &bound) { Int(UInt16(bigEndian: $0.load(fromByteOffset: 2, as: UInt16.self))) }
    }

    func start(_ handle: @escaping @Sendable (Int32) -> Void) {
        Thread { [descriptor] in
            while true {
                let client = accept(descriptor, nil, nil)
                if client < 0 { return }
                handle(client)
                close(client)
            }
        }.start()
    }

    func stop() {
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }
}
