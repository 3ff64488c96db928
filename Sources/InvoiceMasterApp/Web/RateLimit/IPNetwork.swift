#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 or IPv6 address as its 4 or 16 bytes.
public struct IPAddress: Equatable, Sendable {
    public let bytes: [UInt8]

    /// Parses a literal (`10.0.0.1`, `::1`); nil when it is not one. An IPv4-mapped IPv6
    /// address (`::ffff:10.0.0.1`) is read as the IPv4 address, as sockets report both forms.
    public init?(_ text: String) {
        let trimmed = text.trimmingASCIIWhitespace
        var v4 = in_addr()
        if inet_pton(AF_INET, trimmed, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, trimmed, &v6) == 1 else { return nil }
        let all = withUnsafeBytes(of: &v6) { Array($0) }
        if all[0..<10].allSatisfy({ $0 == 0 }) && all[10] == 0xFF && all[11] == 0xFF {
            bytes = Array(all[12..<16])
        } else {
            bytes = all
        }
    }
}

/// An address block such as `10.0.0.0/8`, `192.168.1.7` (one host) or `fd00::/8`.
public struct IPNetwork: Equatable, Sendable, CustomStringConvertible {
    public let address: IPAddress
    public let prefixLength: Int
    public let description: String

    public init?(_ text: String) {
        let trimmed = text.trimmingASCIIWhitespace
        let parts = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(String(parts[0])) else { return nil }
        let maxLength = address.bytes.count * 8
        if parts.count == 2 {
            guard let length = Int(parts[1]), (0...maxLength).contains(length) else { return nil }
            prefixLength = length
        } else {
            prefixLength = maxLength
        }
        self.address = address
        description = trimmed
    }

    public func contains(_ other: IPAddress) -> Bool {
        guard other.bytes.count == address.bytes.count else { return false }
        var remaining = prefixLength
        for (a, b) in zip(address.bytes, other.bytes) {
            if remaining <= 0 { return true }
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if a & mask != b & mask { return false }
            remaining -= 8
        }
        return true
    }
}

extension String {
    var trimmingASCIIWhitespace: String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}

/// Who the client is: the peer address, unless the peer is a trusted proxy — then the rightmost
/// `X-Forwarded-For` hop that is not itself a trusted proxy.
public struct ClientAddressResolver: Sendable {
    public let trustedProxies: [IPNetwork]

    public init(trustedProxies: [IPNetwork]) { self.trustedProxies = trustedProxies }

    public func clientAddress(peer: String, forwardedFor: [String]) -> String {
        guard !trustedProxies.isEmpty, isTrusted(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }
            .map { String($0).trimmingASCIIWhitespace }
            .filter { !$0.isEmpty }
        for hop in hops.reversed() {
            guard IPAddress(hop) != nil else { return peer }  // garbage: keep the proxy's address
            if !isTrusted(hop) { return hop }
        }
        return hops.first ?? peer
    }

    private func isTrusted(_ text: String) -> Bool {
        guard let address = IPAddress(text) else { return false }
        return trustedProxies.contains { $0.contains(address) }
    }
}
