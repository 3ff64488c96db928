import Foundation

/// A small blocking HTTP/1.1 client that does one thing: POST a JSON body to the webhook
/// endpoint on a fresh connection and report the answer's status code.
///
/// One connection per request (`Connection: close`): webhooks are rare next to the work that
/// causes them, and no pool means no stale connections to detect. The whole attempt — connect,
/// TLS handshake, request, answer — is bounded by `timeout` (name resolution excepted).
struct WebhookHTTPClient: Sendable {
    let endpoint: WebhookEndpoint
    let timeout: Double
    /// A PEM file of roots to trust for https instead of the system's. No setting exposes it:
    /// the server always uses the system's roots; tests use it to reach a local TLS receiver.
    var trustedCertificates: String? = nil

    /// The head is read up to this size; a receiver answering with more is broken.
    static let maxHeadBytes = 64 * 1024
    /// At most this much of the answer's body is read (and dropped) before closing.
    static let maxDrainBytes = 1024 * 1024

    /// POSTs `body` and returns the status code of the final (non-1xx) answer.
    func post(_ body: [UInt8], headers: [(name: String, value: String)]) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        let socket = try WebhookSocket(host: endpoint.host, port: endpoint.port, timeout: timeout, deadline: deadline)
        let stream: WebhookStream
        do {
            stream = endpoint.scheme == .https
                ? try WebhookTLSStream(over: socket, host: endpoint.host, isIPLiteral: isIPLiteral,
                                       trustedCertificates: trustedCertificates)
                : socket
        } catch {
            socket.close()
            throw error
        }
        defer { stream.close() }
        try stream.write(requestHead(bodyLength: body.count, headers: headers) + body)
        var reader = WebhookResponseReader(stream: stream, deadline: deadline)
        let answer = try reader.readHead()
        reader.drain(contentLength: answer.contentLength)
        return answer.status
    }

    private var isIPLiteral: Bool {
        var address = in_addr()
        return endpoint.isIPv6Literal || inet_pton(AF_INET, endpoint.host, &address) == 1
    }

    /// The request line and header fields, ending with the blank line.
    func requestHead(bodyLength: Int, headers: [(name: String, value: String)]) -> [UInt8] {
        var head = "POST \(endpoint.target) HTTP/1.1\r\n"
        head += "Host: \(endpoint.hostHeader)\r\n"
        head += "Content-Type: application/json\r\n"
        head += "Content-Length: \(bodyLength)\r\n"
        head += "Connection: close\r\n"
        if let credentials = endpoint.credentials { head += "Authorization: \(credentials.basicAuthorization)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        return Array(head.utf8)
    }
}

/// Reads an HTTP/1.1 answer from a stream: the status line and header fields, then drains the body.
struct WebhookResponseReader {
    struct Head: Equatable {
        let status: Int
        let contentLength: Int?
    }

    let stream: WebhookStream
    let deadline: Date
    private var buffered: [UInt8] = []

    init(stream: WebhookStream, deadline: Date) {
        self.stream = stream
        self.deadline = deadline
    }

    /// The first final answer's head; 1xx interim answers (e.g. 100 Continue) are skipped.
    mutating func readHead() throws -> Head {
        while true {
            let end = try readUntilBlankLine()
            let head = try Self.parseHead(buffered[..<end])
            buffered.removeFirst(end + 4)
            if !(100..<200).contains(head.status) { return head }
        }
    }

    /// Reads and drops the body: `contentLength` bytes, or until the receiver closes; at most
    /// `maxDrainBytes`. Errors here do not matter any more — the status is known.
    mutating func drain(contentLength: Int?) {
        var remaining = min(contentLength ?? Int.max, WebhookHTTPClient.maxDrainBytes) - buffered.count
        buffered.removeAll()
        while remaining > 0, Date() < deadline, let count = try? readChunk(), count > 0 {
            remaining -= count
            buffered.removeAll(keepingCapacity: true)
        }
    }

    private mutating func readUntilBlankLine() throws -> Int {
        var searchFrom = 0
        while true {
            if let end = Self.blankLine(in: buffered, from: searchFrom) { return end }
            guard buffered.count < WebhookHTTPClient.maxHeadBytes else {
                throw WebhookTransportError(kind: .response, detail: "answer head larger than \(WebhookHTTPClient.maxHeadBytes) bytes")
            }
            searchFrom = max(0, buffered.count - 3)
            guard try readChunk() > 0 else {
                throw WebhookTransportError(kind: .response, detail: "connection closed before a complete answer")
            }
        }
    }

    /// Appends what the stream has to `buffered`; the count read, 0 at the end of the stream.
    private mutating func readChunk() throws -> Int {
        guard Date() < deadline else { throw WebhookTransportError(kind: .timeout, detail: "answer timed out") }
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = try chunk.withUnsafeMutableBytes { try stream.read(into: $0) }
        buffered += chunk[..<count]
        return count
    }

    private static func blankLine(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = start
        while index + 3 < bytes.count {
            if bytes[index] == 0x0D && bytes[index + 1] == 0x0A && bytes[index + 2] == 0x0D && bytes[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        return nil
    }

    /// "HTTP/1.x NNN reason" and the Content-Length field, if any.
    static func parseHead(_ bytes: ArraySlice<UInt8>) throws -> Head {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusLine = lines.first ?? ""
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3,
              let status = Int(parts[1]), (100...599).contains(status)
        else {
            throw WebhookTransportError(kind: .response, detail: "not an HTTP/1.x status line: \(statusLine.prefix(80))")
        }
        var contentLength: Int?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].lowercased() == "content-length"
            else { continue }
            contentLength = Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Head(status: status, contentLength: contentLength)
    }
}
