import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why one webhook attempt got no HTTP answer. Every case is worth a retry: the receiver may
/// be restarting, the network may come back.
struct WebhookTransportError: Error, CustomStringConvertible, Equatable {
    enum Kind: String, Sendable { case resolve, connect, timeout, io, tls, response }
    let kind: Kind
    let detail: String
    var description: String { "\(kind.rawValue): \(detail)" }

    static func system(_ kind: Kind, _ what: String, errno code: Int32 = errno) -> WebhookTransportError {
        if code == EAGAIN || code == EWOULDBLOCK || code == ETIMEDOUT {
            return WebhookTransportError(kind: .timeout, detail: "\(what) timed out")
        }
        return WebhookTransportError(kind: kind, detail: "\(what): \(String(cString: strerror(code)))")
    }
}

/// A byte stream to the receiver: the plain TCP socket, or TLS over it.
protocol WebhookStream: AnyObject {
    func write(_ bytes: [UInt8]) throws
    /// Bytes read into `buffer`; 0 at the end of the stream.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    func close()
}

/// A blocking TCP connection with a deadline: connecting waits at most until the deadline
/// (non-blocking connect + poll), and each send and receive at most the attempt's timeout
/// (SO_SNDTIMEO / SO_RCVTIMEO), so a receiver that accepts and then stalls cannot hold a
/// delivery thread longer than that.
final class WebhookSocket: WebhookStream {
    let descriptor: Int32
    private var closed = false

    /// Resolves `host` (getaddrinfo; this part has no timeout of its own) and connects to the
    /// first address that answers before `deadline`.
    init(host: String, port: Int, timeout: Double, deadline: Date) throws {
        descriptor = try Self.open(host: host, port: port, timeout: timeout, deadline: deadline)
    }

    private static func open(host: String, port: Int, timeout: Double, deadline: Date) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else {
            let reason = status == EAI_SYSTEM ? String(cString: strerror(errno)) : String(cString: gai_strerror(status))
            throw WebhookTransportError(kind: .resolve, detail: "\(host): \(reason)")
        }
        defer { freeaddrinfo(list) }

        var lastError = WebhookTransportError(kind: .connect, detail: "\(host): no address")
        var candidate: UnsafeMutablePointer<addrinfo>? = list
        while let address = candidate {
            candidate = address.pointee.ai_next
            do {
                let fd = try connect(to: address.pointee, deadline: deadline)
                do {
                    try setTimeouts(fd, seconds: timeout)
                } catch {
                    Glibc.close(fd)
                    throw error
                }
                return fd
            } catch let error as WebhookTransportError {
                lastError = error
                if error.kind == .timeout { break }  // the deadline is spent; no time for the others
            }
        }
        throw lastError
    }

    private static func connect(to address: addrinfo, deadline: Date) throws -> Int32 {
        let fd = socket(address.ai_family, address.ai_socktype | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue),
                        address.ai_protocol)
        guard fd >= 0 else { throw WebhookTransportError.system(.connect, "socket") }
        do {
            if Glibc.connect(fd, address.ai_addr, address.ai_addrlen) != 0 {
                guard errno == EINPROGRESS else { throw WebhookTransportError.system(.connect, "connect") }
                try waitUntilConnected(fd, deadline: deadline)
            }
            // Back to blocking: from here on the socket timeouts bound each call.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            return fd
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    private static func waitUntilConnected(_ fd: Int32, deadline: Date) throws {
        var request = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        while true {
            let remaining = Int32(clamping: Int((deadline.timeIntervalSinceNow * 1000).rounded(.up)))
            guard remaining > 0 else { throw WebhookTransportError(kind: .timeout, detail: "connect timed out") }
            let ready = poll(&request, 1, remaining)
            if ready < 0 && errno == EINTR { continue }
            guard ready >= 0 else { throw WebhookTransportError.system(.connect, "poll") }
            if ready == 0 { continue }  // the loop's deadline check reports the timeout
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length) == 0 else {
                throw WebhookTransportError.system(.connect, "getsockopt")
            }
            guard failure == 0 else { throw WebhookTransportError.system(.connect, "connect", errno: failure) }
            return
        }
    }

    private static func setTimeouts(_ fd: Int32, seconds: Double) throws {
        let whole = seconds.rounded(.down)
        var limit = timeval(tv_sec: Int(whole), tv_usec: Int((seconds - whole) * 1_000_000))
        if limit.tv_sec == 0 && limit.tv_usec == 0 { limit.tv_usec = 1 }  // 0 would mean "no limit"
        let length = socklen_t(MemoryLayout<timeval>.size)
        guard setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, length) == 0,
              setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, length) == 0
        else { throw WebhookTransportError.system(.connect, "setsockopt") }
    }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { throw WebhookTransportError.system(.io, "send") }
            offset += sent
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw WebhookTransportError.system(.io, "recv") }
            return count
        }
    }

    func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(descriptor)
    }

    deinit { close() }
}
