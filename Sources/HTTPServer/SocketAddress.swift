#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 or IPv6 socket address for binding and for naming peers.
struct SocketAddress {
    var storage = sockaddr_storage()
    var length: socklen_t = 0

    var family: Int32 { Int32(storage.ss_family) }

    /// Parses a numeric host (`127.0.0.1`, `::1`, `0.0.0.0`, `::`) or `localhost`.
    init?(host: String, port: Int) {
        let literal = host == "localhost" ? "127.0.0.1" : (host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host)
        guard (0...65535).contains(port) else { return nil }
        var v4 = sockaddr_in()
        var v6 = sockaddr_in6()
        if inet_pton(AF_INET, literal, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = in_port_t(UInt16(port).bigEndian)
            withUnsafeBytes(of: v4) { bytes in withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) } }
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
        } else if inet_pton(AF_INET6, literal, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = in_port_t(UInt16(port).bigEndian)
            withUnsafeBytes(of: v6) { bytes in withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) } }
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        } else {
            return nil
        }
    }

    init() {}

    /// The port, in host byte order.
    var port: Int {
        withUnsafeBytes(of: storage) { bytes in
            // sin_port and sin6_port sit at the same offset, right after the family.
            Int(UInt16(bigEndian: bytes.load(fromByteOffset: 2, as: UInt16.self)))
        }
    }

    /// The address as text, without the port: `127.0.0.1` or `::1`.
    var hostText: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        return withUnsafeBytes(of: storage) { bytes -> String in
            switch family {
            case AF_INET:
                let address = bytes.load(as: sockaddr_in.self)
                var raw = address.sin_addr
                inet_ntop(AF_INET, &raw, &text, socklen_t(text.count))
            case AF_INET6:
                let address = bytes.load(as: sockaddr_in6.self)
                var raw = address.sin6_addr
                inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count))
            default:
                return ""
            }
            return String(cString: text)
        }
    }

    func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        withUnsafeBytes(of: storage) { body($0.baseAddress!.assumingMemoryBound(to: sockaddr.self), length) }
    }
}

/// Socket set-up shared by the listener and accepted connections.
enum SocketOptions {
    static func enable(_ fd: Int32, level: Int32, option: Int32) -> Bool {
        var one: Int32 = 1
        return setsockopt(fd, level, option, &one, socklen_t(MemoryLayout<Int32>.size)) == 0
    }

    /// A non-blocking listening socket bound to `address` with SO_REUSEADDR and SO_REUSEPORT
    /// (one listener per event loop lets the kernel spread new connections evenly).
    static func makeListener(address: SocketAddress, host: String, backlog: Int32) throws -> Int32 {
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | LinuxEpoll.nonBlocking | LinuxEpoll.closeOnExec, 0)
        if fd < 0 { throw HTTPServerError.socketFailed(operation: "socket", errno: errno) }
        guard enable(fd, level: SOL_SOCKET, option: SO_REUSEADDR), enable(fd, level: SOL_SOCKET, option: SO_REUSEPORT) else {
            let code = errno
            close(fd)
            throw HTTPServerError.socketFailed(operation: "setsockopt", errno: code)
        }
        let bound = address.withSockaddr { bind(fd, $0, $1) }
        if bound != 0 {
            let code = errno
            close(fd)
            throw HTTPServerError.bindFailed(host: host, port: address.port, errno: code)
        }
        if listen(fd, backlog) != 0 {
            let code = errno
            close(fd)
            throw HTTPServerError.socketFailed(operation: "listen", errno: code)
        }
        return fd
    }

    /// SO_REUSEPORT would let a second server (of the same user) share the port and silently
    /// split its traffic; a plain bind first makes that case fail loudly.
    static func checkPortIsFree(address: SocketAddress, host: String) throws {
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | LinuxEpoll.closeOnExec, 0)
        if fd < 0 { throw HTTPServerError.socketFailed(operation: "socket", errno: errno) }
        defer { close(fd) }
        _ = enable(fd, level: SOL_SOCKET, option: SO_REUSEADDR)
        if address.withSockaddr({ bind(fd, $0, $1) }) != 0 {
            throw HTTPServerError.bindFailed(host: host, port: address.port, errno: errno)
        }
    }

    /// The address a socket is bound to.
    static func localAddress(_ fd: Int32) -> SocketAddress {
        var address = SocketAddress()
        address.length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutableBytes(of: &address.storage) { bytes in
            _ = getsockname(fd, bytes.baseAddress!.assumingMemoryBound(to: sockaddr.self), &address.length)
        }
        return address
    }
}
