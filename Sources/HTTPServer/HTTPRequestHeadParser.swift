/// Outcome of parsing the bytes at the start of a request.
enum HTTPHeadParseResult {
    /// More bytes are needed; nothing so far breaks a rule or a limit.
    case incomplete
    /// A whole head was parsed from the first `consumed` bytes.
    case complete(HTTPRequestHead, consumed: Int)
    case failure(HTTPParseError)
}

/// Strict RFC 9112 request-head parser (the rules of llhttp's strict mode): every line ends in
/// CRLF, field names are tokens directly followed by a colon, values hold no control characters,
/// obs-fold is refused, and the framing headers are checked so that no two parties can read the
/// body boundary differently (request smuggling).
///
/// It works on raw bytes and allocates only for the strings it hands out.
enum HTTPRequestHeadParser {
    static func parse(_ bytes: UnsafeRawBufferPointer, limits: HTTPParserLimits) -> HTTPHeadParseResult {
        let count = bytes.count
        var index = 0

        // Request line: method SP request-target SP HTTP-version CRLF
        while index < count, ByteClass.isToken(bytes[index]) {
            index += 1
            if index > limits.maxMethodBytes { return .failure(.badRequest("method too long")) }
        }
        if index == count { return .incomplete }
        if index == 0 || bytes[index] != ByteClass.space { return .failure(.badRequest("malformed request line")) }
        let methodEnd = index
        index += 1

        let targetStart = index
        while index < count, ByteClass.isTarget(bytes[index]) {
            index += 1
            if index - targetStart > limits.maxTargetBytes { return .failure(.uriTooLong()) }
        }
        if index == count { return .incomplete }
        if index == targetStart || bytes[index] != ByteClass.space {
            return .failure(.badRequest("malformed request target"))
        }
        let targetEnd = index
        index += 1

        // "HTTP/" DIGIT "." DIGIT CRLF
        if count - index < 10 {
            return prefixMatchesVersion(bytes, from: index) ? .incomplete : .failure(.badRequest("malformed HTTP version"))
        }
        guard prefixMatchesVersion(bytes, from: index),
              isDigit(bytes[index + 5]), bytes[index + 6] == UInt8(ascii: "."), isDigit(bytes[index + 7])
        else { return .failure(.badRequest("malformed HTTP version")) }
        guard bytes[index + 8] == ByteClass.cr, bytes[index + 9] == ByteClass.lf else {
            return .failure(.badRequest("request line not ended by CRLF"))
        }
        let version: HTTPVersion
        switch (bytes[index + 5], bytes[index + 7]) {
        case (UInt8(ascii: "1"), UInt8(ascii: "1")): version = .http1_1
        case (UInt8(ascii: "1"), UInt8(ascii: "0")): version = .http1_0
        default: return .failure(.versionNotSupported())
        }
        index += 10

        var fields = FieldSemantics()
        var headers = HTTPHeaders()
        let sectionStart = index
        while true {
            if index == count {
                return count - sectionStart > limits.maxHeaderSectionBytes
                    ? .failure(.headersTooLarge("header section too large")) : .incomplete
            }
            let first = bytes[index]
            if first == ByteClass.cr {
                if index + 1 == count { return .incomplete }
                if bytes[index + 1] != ByteClass.lf { return .failure(.badRequest("bare CR")) }
                index += 2
                break
            }
            if first == ByteClass.space || first == ByteClass.tab {
                return .failure(.badRequest("obsolete line folding"))
            }
            switch parseField(bytes, at: index, sectionStart: sectionStart, limits: limits) {
            case .incomplete:
                return count - sectionStart > limits.maxHeaderSectionBytes
                    ? .failure(.headersTooLarge("header section too large")) : .incomplete
            case .failure(let error):
                return .failure(error)
            case .field(let name, let value, let next):
                if headers.count == limits.maxHeaderFields { return .failure(.headersTooLarge("too many header fields")) }
                if let error = fields.note(name: name, value: value) { return .failure(error) }
                headers.fields.append((name: CommonStrings.headerName(name), value: String(decoding: value, as: UTF8.self)))
                index = next
            }
        }

        let method = CommonStrings.method(bytes[0..<methodEnd])
        let targetBytes = UnsafeRawBufferPointer(rebasing: bytes[targetStart..<targetEnd])
        let targetText = String(decoding: targetBytes, as: UTF8.self)
        let target: RequestTarget
        switch RequestTarget.parse(targetBytes, text: targetText, method: method) {
        case .success(let parsed): target = parsed
        case .failure(let error): return .failure(error)
        }
        let framing: HTTPBodyFraming
        switch fields.framing(version: version) {
        case .success(let value): framing = value
        case .failure(let error): return .failure(error)
        }
        if version == .http1_1 && fields.hostCount != 1 { return .failure(.badRequest("HTTP/1.1 needs exactly one Host")) }
        if fields.hostCount > 1 { return .failure(.badRequest("more than one Host")) }

        let keepAlive = version == .http1_1 ? !fields.connectionClose : (fields.connectionKeepAlive && !fields.connectionClose)
        let head = HTTPRequestHead(
            method: method, target: targetText, path: target.path,
            queryItems: target.queryItems, version: version, headers: headers, framing: framing,
            keepAlive: keepAlive, expectsContinue: fields.expectsContinue)
        return .complete(head, consumed: index)
    }

    /// Whether the bytes from `start` are a prefix of `HTTP/`.
    private static func prefixMatchesVersion(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Bool {
        let prefix: StaticString = "HTTP/"
        let available = min(5, bytes.count - start)
        for offset in 0..<available where bytes[start + offset] != prefix.utf8Start[offset] { return false }
        return true
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    enum FieldParseResult {
        case incomplete
        case failure(HTTPParseError)
        case field(name: UnsafeRawBufferPointer.SubSequence, value: UnsafeRawBufferPointer.SubSequence, next: Int)
    }

    /// Parses `field-name ":" OWS field-value OWS CRLF` starting at `start`. Shared with the
    /// chunked trailer section.
    static func parseField(_ bytes: UnsafeRawBufferPointer, at start: Int, sectionStart: Int,
                           limits: HTTPParserLimits) -> FieldParseResult {
        let count = bytes.count
        var index = start
        while index < count, ByteClass.isToken(bytes[index]) { index += 1 }
        if index == count { return .incomplete }
        if index == start || bytes[index] != ByteClass.colon {
            return .failure(.badRequest("malformed header field name"))
        }
        let nameEnd = index
        index += 1
        while index < count, bytes[index] == ByteClass.space || bytes[index] == ByteClass.tab { index += 1 }
        let valueStart = index
        while index < count, ByteClass.isFieldValue(bytes[index]) { index += 1 }
        if index == count { return .incomplete }
        if bytes[index] != ByteClass.cr { return .failure(.badRequest("invalid character in header value")) }
        if index + 1 == count { return .incomplete }
        if bytes[index + 1] != ByteClass.lf { return .failure(.badRequest("bare CR")) }
        var valueEnd = index
        while valueEnd > valueStart, bytes[valueEnd - 1] == ByteClass.space || bytes[valueEnd - 1] == ByteClass.tab {
            valueEnd -= 1
        }
        let next = index + 2
        if next - sectionStart > limits.maxHeaderSectionBytes {
            return .failure(.headersTooLarge("header section too large"))
        }
        return .field(name: bytes[start..<nameEnd], value: bytes[valueStart..<valueEnd], next: next)
    }
}
