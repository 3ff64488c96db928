#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import HTTPServer

/// A blocking TCP client speaking raw bytes, so tests control exactly what goes on the wire.
final class RawClient {
    let fd: Int32
    private var pending: [UInt8] = []

    /// `receiveBuffer` fixes SO_RCVBUF (which turns off the kernel's autotuning), so a client
    /// that stops reading pushes back on the server soon.
    init(port: Int, host: String = "127.0.0.1", receiveBuffer: Int32? = nil,
         file: StaticString = #filePath, line: UInt = #line) throws {
        let address = try XCTUnwrap(SocketAddress(host: host, port: port), file: file, line: line)
        fd = socket(address.family, Int32(SOCK_STREAM.rawValue), 0)
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = address.withSockaddr { connect(fd, $0, $1) }
        if result != 0 {
            Glibc.close(fd)
            throw XCTSkip("connect failed: \(String(cString: strerror(errno)))")
        }
    }

    deinit { Glibc.close(fd) }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Sets the receive timeout for later reads.
    func setReadTimeout(seconds: Double) {
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Reads until the peer closes (or the read timeout); returns everything not yet consumed.
    func readToEnd() -> [UInt8] {
        while fill() {}
        defer { pending = [] }
        return pending
    }

    /// Whether the server has closed the connection (EOF or reset) within the read timeout.
    func isClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, 0)
        if count == 0 { return true }
        if count < 0 && errno == ECONNRESET { return true }
        if count == 1 { pending.append(byte) }
        return false
    }

    /// Reads one response: head plus a Content-Length or chunked body (none for HEAD).
    func readResponse(isHead: Bool = false) -> ParsedResponse? {
        while true {
            if let (response, consumed) = ParsedResponse.parse(pending, isHead: isHead) {
                pending.removeFirst(consumed)
                return response
            }
            if !fill() { return nil }
        }
    }

    /// Reads once; false on EOF, error or timeout.
    private func fill() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &buffer, buffer.count, 0)
        if count <= 0 { return false }
        pending.append(contentsOf: buffer[0..<count])
        return true
    }

    func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Closes with SO_LINGER 0, so the server sees a reset rather than a clean close.
    func reset() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        shutdown(fd, Int32(SHUT_RDWR))
    }
}

/// A response read off the wire by the test client.
struct ParsedResponse {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    var bodyText: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// Parses one response from the front of `bytes`; nil if incomplete.
    static func parse(_ bytes: [UInt8], isHead: Bool) -> (ParsedResponse, Int)? {
        guard let headEnd = find([13, 10, 13, 10], in: bytes, from: 0) else { return nil }
        let headText = String(decoding: bytes[0..<headEnd], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var response = ParsedResponse(status: status, headers: headers, body: [])
        var offset = headEnd + 4
        if isHead || status < 200 || status == 204 || status == 304 { return (response, offset) }
        if let length = response.header("content-length").flatMap(Int.init) {
            guard bytes.count - offset >= length else { return nil }
            response.body = Array(bytes[offset..<(offset + length)])
            return (response, offset + length)
        }
        if response.header("transfer-encoding") == "chunked" {
            while true {
                guard let lineEnd = find([13, 10], in: bytes, from: offset) else { return nil }
                guard let size = Int(String(decoding: bytes[offset..<lineEnd], as: UTF8.self), radix: 16) else { return nil }
                offset = lineEnd + 2
                if size == 0 {
                    guard bytes.count >= offset + 2 else { return nil }
                    return (response, offset + 2)
                }
                guard bytes.count >= offset + size + 2 else { return nil }
                response.body += bytes[offset..<(offset + size)]
                offset += size + 2
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0] && Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}

/// Starts a server on a free port for one test and stops it afterwards.
final class TestServer {
    let server: HTTPServer
    var port: Int { server.port }

    init(configure: (inout HTTPServerConfiguration) -> Void = { _ in },
         responder: some HTTPResponder = EchoResponder()) throws {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.workerThreads = 4
        configuration.ioThreads = 2
        configuration.shutdownGracePeriod = 5
        configure(&configuration)
        server = HTTPServer(configuration: configuration, responder: responder)
        try server.start()
    }

    func client() throws -> RawClient { try RawClient(port: port) }

    func stop() {
        server.shutdown()
        server.waitUntilStopped()
    }

    deinit { stop() }
}

/// Answers with a description of the request it got, so tests can check what was parsed.
struct EchoResponder: HTTPResponder {
    func respond(to request: HTTPRequest) -> HTTPResponse {
        switch request.path {
        case "/slow":
            usleep(UInt32(Double(request.query("ms") ?? "300")! * 1000))
        case "/big":
            return HTTPResponse(status: .ok, body: [UInt8](repeating: UInt8(ascii: "x"), count: Int(request.query("n") ?? "1000000")!))
        case "/stream":
            return HTTPResponse(status: .ok, body: .stream { write in
                for index in 0..<3 { write(Array("part\(index);".utf8)) }
            })
        default:
            break
        }
        var text = "\(request.method) \(request.path)"
        for item in request.queryItems { text += " \(item.name)=\(item.value)" }
        text += " body=\(request.body.count)"
        if !request.trailers.isEmpty { text += " trailers=\(request.trailers.map { "\($0.name):\($0.value)" }.joined(separator: ","))" }
        return HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "text/plain")]), body: Array(text.utf8))
    }
}
