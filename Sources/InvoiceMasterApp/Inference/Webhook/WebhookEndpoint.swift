import Foundation

/// Where webhook requests go: an http:// or https:// URL taken apart into what the client
/// needs — the host to resolve, the port to connect to and the request target to send.
///
/// Only what a webhook URL needs is accepted: a scheme, optional user info (`user:password@`,
/// percent-encoded, sent as HTTP Basic credentials), a host (name, IPv4 or a bracketed IPv6
/// literal), an optional port, an optional path and query. A fragment is never sent, as in any
/// HTTP client. Errors and logs show the URL with its password masked.
struct WebhookEndpoint: Equatable, Sendable {
    /// `user:password@` of the URL, percent-decoded.
    struct Credentials: Equatable, Sendable {
        let user: String
        let password: String

        /// `Authorization` value (RFC 7617): `Basic base64(user ":" password)`.
        var basicAuthorization: String { "Basic " + Data("\(user):\(password)".utf8).base64EncodedString() }
    }

    enum Scheme: String, Sendable {
        case http, https

        var defaultPort: Int { self == .http ? 80 : 443 }
    }

    let scheme: Scheme
    /// Without the brackets of an IPv6 literal.
    let host: String
    let port: Int
    /// Path and query as written (already percent-encoded), "/" when the URL has no path.
    let target: String
    let credentials: Credentials?

    var isIPv6Literal: Bool { host.contains(":") }

    /// The `Host` header: the port only when it is not the scheme's default (RFC 9110 §7.2).
    var hostHeader: String {
        let name = isIPv6Literal ? "[\(host)]" : host
        return port == scheme.defaultPort ? name : "\(name):\(port)"
    }

    init(scheme: Scheme, host: String, port: Int, target: String, credentials: Credentials? = nil) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.target = target
        self.credentials = credentials
    }

    init(parsing text: String) throws(WebhookEndpointError) {
        func invalid(_ reason: String) -> WebhookEndpointError {
            WebhookEndpointError(url: Self.maskingPassword(text), reason: reason)
        }

        // Bytes that can never appear in a URL, and that would break the request line if sent.
        guard !text.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) else {
            throw invalid("spaces, control or non-ASCII characters")
        }
        guard let parts = Self.parts(of: text) else { throw invalid("no scheme") }
        guard let scheme = Scheme(rawValue: parts.scheme.lowercased()) else {
            throw invalid("scheme is not http or https")
        }
        var authority = parts.authority
        let pathAndQuery = parts.pathAndQuery
        var credentials: Credentials?
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
            let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let user = parts[0].removingPercentEncoding, !user.isEmpty, !user.contains(":"),
                  let password = (parts.count > 1 ? parts[1] : "").removingPercentEncoding
            else { throw invalid("malformed user info (expected user:password, percent-encoded)") }
            credentials = Credentials(user: user, password: password)
        }

        let host: Substring
        let portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid("unclosed IPv6 literal") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let afterClose = authority[authority.index(after: close)...]
            guard host.contains(":"), host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw invalid("malformed IPv6 literal")
            }
            if afterClose.isEmpty {
                portText = nil
            } else if afterClose.hasPrefix(":") {
                portText = afterClose.dropFirst()
            } else {
                throw invalid("unexpected characters after the IPv6 literal")
            }
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
            portText = nil
        }
        guard !host.isEmpty else { throw invalid("no host") }
        guard !host.contains("["), !host.contains("]") else {
            throw invalid("malformed host")
        }

        var port = scheme.defaultPort
        if let portText, !portText.isEmpty {  // "host:" means the default port (RFC 3986 §3.2.3)
            guard portText.count <= 5, portText.allSatisfy(\.isASCIIDigit), let number = Int(portText),
                  (1...65535).contains(number)
            else { throw invalid("port is not a number in 1...65535") }
            port = number
        }
        let target = pathAndQuery.isEmpty ? "/" : pathAndQuery.hasPrefix("?") ? "/" + pathAndQuery : String(pathAndQuery)
        self.init(scheme: scheme, host: String(host), port: port, target: target, credentials: credentials)
    }

    /// `scheme://authority/path?query#fragment` cut at its delimiters (the fragment dropped);
    /// nil without `://`.
    private static func parts(of text: String) -> (scheme: Substring, authority: Substring, pathAndQuery: Substring)? {
        guard let schemeEnd = text.range(of: "://") else { return nil }
        var rest = text[schemeEnd.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        return (text[..<schemeEnd.lowerBound], rest[..<authorityEnd], rest[authorityEnd...])
    }

    /// The URL for messages: a password in its user info replaced by `***`.
    static func maskingPassword(_ text: String) -> String {
        guard let authority = parts(of: text)?.authority, let at = authority.lastIndex(of: "@") else { return text }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}

struct WebhookEndpointError: Error, CustomStringConvertible, Equatable {
    let url: String
    let reason: String
    var description: String { "unusable webhook URL '\(url)': \(reason)" }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
