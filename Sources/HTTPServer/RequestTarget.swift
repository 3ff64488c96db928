/// The path and query of a request target (RFC 9112 §3.2): origin-form (`/a/b?x=1`),
/// absolute-form (`http://host/a/b?x=1`, sent to proxies but accepted from anyone) and
/// asterisk-form (`*`, OPTIONS only). Authority-form (CONNECT) is refused.
struct RequestTarget: Equatable {
    /// Percent-decoded path, starting with `/` (or `*` for `OPTIONS *`).
    var path: String
    var queryItems: [QueryItem]

    /// `text` is the target as a string, reused as the path when nothing needs decoding.
    static func parse(_ target: UnsafeRawBufferPointer, text: String, method: HTTPMethod) -> Result<RequestTarget, HTTPParseError> {
        guard let first = target.first else { return .failure(.badRequest("empty request target")) }
        var pathStart = 0
        if first != UInt8(ascii: "/") {
            if target.count == 1 && first == UInt8(ascii: "*") {
                return method == .options
                    ? .success(RequestTarget(path: "*", queryItems: []))
                    : .failure(.badRequest("asterisk-form outside OPTIONS"))
            }
            guard let authorityStart = absoluteFormAuthorityStart(target) else {
                return .failure(.badRequest("unsupported request target form"))
            }
            var index = authorityStart
            while index < target.count, target[index] != UInt8(ascii: "/"), target[index] != UInt8(ascii: "?") { index += 1 }
            if index == authorityStart { return .failure(.badRequest("absolute-form without host")) }
            pathStart = index
        }

        var queryStart = target.count
        for index in pathStart..<target.count where target[index] == UInt8(ascii: "?") {
            queryStart = index
            break
        }
        let rawPath = UnsafeRawBufferPointer(rebasing: target[pathStart..<queryStart])
        let path: String
        if pathStart == 0 && queryStart == target.count && !rawPath.contains(UInt8(ascii: "%")) {
            path = text  // the common case: the whole target is a plain path
        } else if rawPath.isEmpty {
            path = "/"  // `http://host?x` and `http://host` mean the root
        } else if let decoded = PercentDecoding.decodePath(rawPath) {
            path = decoded
        } else {
            return .failure(.badRequest("malformed percent-encoding in path"))
        }
        let queryItems = queryStart < target.count
            ? FormURLEncoded.parse(UnsafeRawBufferPointer(rebasing: target[(queryStart + 1)...]))
            : []
        return .success(RequestTarget(path: path, queryItems: queryItems))
    }

    /// The offset just past `http://` or `https://` (scheme case-insensitive), or nil.
    private static func absoluteFormAuthorityStart(_ target: UnsafeRawBufferPointer) -> Int? {
        for scheme: StaticString in ["http://", "https://"] {
            let length = scheme.utf8CodeUnitCount
            if target.count >= length, ByteClass.equalsIgnoringCase(target[0..<length], scheme) { return length }
        }
        return nil
    }
}

/// Percent-decoding (RFC 3986 §2.1).
enum PercentDecoding {
    /// Decodes a path strictly: a `%` must start a valid escape, and the result must be UTF-8
    /// with no NUL. Returns nil otherwise.
    static func decodePath(_ bytes: UnsafeRawBufferPointer) -> String? {
        if !bytes.contains(UInt8(ascii: "%")) { return String(decoding: bytes, as: UTF8.self) }
        var decoded = [UInt8]()
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else { return nil }
                let value = high << 4 | low
                if value == 0 { return nil }
                decoded.append(value)
                index += 3
            } else {
                decoded.append(byte)
                index += 1
            }
        }
        return String(validating: decoded, as: UTF8.self)
    }

    /// Decodes a form component leniently, as browsers do (WHATWG URL): `+` is a space when
    /// `plusAsSpace`, an invalid escape stays as written, invalid UTF-8 becomes U+FFFD.
    static func decodeComponent(_ bytes: UnsafeRawBufferPointer.SubSequence, plusAsSpace: Bool) -> String {
        var needsDecoding = false
        for byte in bytes where byte == UInt8(ascii: "%") || (plusAsSpace && byte == UInt8(ascii: "+")) {
            needsDecoding = true
            break
        }
        if !needsDecoding { return String(decoding: bytes, as: UTF8.self) }
        var decoded = [UInt8]()
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
                continue
            }
            decoded.append(plusAsSpace && byte == UInt8(ascii: "+") ? ByteClass.space : byte)
            index += 1
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
