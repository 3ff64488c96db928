/// Why the server could not start.
public enum HTTPServerError: Error, CustomStringConvertible, Equatable {
    /// The host is not an IPv4 or IPv6 literal nor `localhost`.
    case invalidAddress(String)
    /// `socket`, `setsockopt` or `listen` failed.
    case socketFailed(operation: String, errno: Int32)
    /// The address could not be bound (in use, not local, no permission).
    case bindFailed(host: String, port: Int, errno: Int32)
    /// `start()` was called twice, or after `shutdown()`.
    case alreadyStarted

    public var description: String {
        switch self {
        case .invalidAddress(let host):
            return "invalid HTTP_HOST '\(host)': expected an IPv4 or IPv6 address or 'localhost'"
        case .socketFailed(let operation, let code):
            return "\(operation) failed: \(String(cString: strerror(code)))"
        case .bindFailed(let host, let port, let code):
            let hint = code == EADDRINUSE ? " (another process is listening there; set HTTP_PORT)" : ""
            return "cannot listen on \(host):\(port): \(String(cString: strerror(code)))\(hint)"
        case .alreadyStarted:
            return "the server was already started or shut down"
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
