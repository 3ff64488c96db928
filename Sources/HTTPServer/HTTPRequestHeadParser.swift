#if canImport(Glibc)
import Glibc
#endif

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

/// What the framing- and connection-related fields said, gathered while parsing.
struct FieldSemantics {
    var hostCount = 0
    var contentLength: Int?
    var contentLengthTooLarge = false
    var hasTransferEncoding = false
    var chunkedCount = 0
    var chunkedIsLast = false
    var hasOtherCoding = false
    var connectionClose = false
    var connectionKeepAlive = false
    var expectsContinue = false

    /// Records one field; returns an error when it alone makes the request invalid.
    mutating func note(name: UnsafeRawBufferPointer.SubSequence, value: UnsafeRawBufferPointer.SubSequence) -> HTTPParseError? {
        switch name.count {
        case 4 where ByteClass.equalsIgnoringCase(name, "host"):
            hostCount += 1
        case 14 where ByteClass.equalsIgnoringCase(name, "content-length"):
            return noteContentLength(value)
        case 17 where ByteClass.equalsIgnoringCase(name, "transfer-encoding"):
            hasTransferEncoding = true
            for coding in ListElements(value) {
                if ByteClass.equalsIgnoringCase(coding, "chunked") {
                    chunkedCount += 1
                    chunkedIsLast = true
                } else {
                    hasOtherCoding = true
                    chunkedIsLast = false
                }
            }
        case 10 where ByteClass.equalsIgnoringCase(name, "connection"):
            for option in ListElements(value) {
                if ByteClass.equalsIgnoringCase(option, "close") { connectionClose = true }
                if ByteClass.equalsIgnoringCase(option, "keep-alive") { connectionKeepAlive = true }
            }
        case 6 where ByteClass.equalsIgnoringCase(name, "expect"):
            if ByteClass.equalsIgnoringCase(value, "100-continue") { expectsContinue = true }
        default:
            break
        }
        return nil
    }

    /// `Content-Length = 1*DIGIT`; a list of identical values is accepted (RFC 9110 §8.6), any
    /// disagreement is a smuggling attempt.
    private mutating func noteContentLength(_ value: UnsafeRawBufferPointer.SubSequence) -> HTTPParseError? {
        var sawElement = false
        for element in ListElements(value, keepEmpty: true) {
            if element.isEmpty { return .badRequest("empty Content-Length") }
            var number = 0
            var tooLarge = false
            for byte in element {
                guard byte >= 48 && byte <= 57 else { return .badRequest("malformed Content-Length") }
                if number > (Int.max - 9) / 10 { tooLarge = true } else { number = number * 10 + Int(byte - 48) }
            }
            if tooLarge { number = Int.max }
            if let existing = contentLength, existing != number { return .badRequest("conflicting Content-Length") }
            contentLength = number
            contentLengthTooLarge = tooLarge
            sawElement = true
        }
        return sawElement ? nil : .badRequest("empty Content-Length")
    }

    /// Decides the body framing (RFC 9112 §6.3) once every field is known.
    func framing(version: HTTPVersion) -> Result<HTTPBodyFraming, HTTPParseError> {
        if hasTransferEncoding {
            if contentLength != nil { return .failure(.badRequest("both Content-Length and Transfer-Encoding")) }
            if version == .http1_0 { return .failure(.badRequest("Transfer-Encoding in HTTP/1.0")) }
            if hasOtherCoding { return .failure(.notImplemented("transfer coding other than chunked")) }
            if chunkedCount != 1 || !chunkedIsLast { return .failure(.badRequest("malformed Transfer-Encoding")) }
            return .success(.chunked)
        }
        if let length = contentLength, length > 0 { return .success(.contentLength(length)) }
        return .success(.none)
    }
}

/// The elements of a comma-separated field value (`#element`, RFC 9110 §5.6.1), OWS trimmed.
/// Empty elements are skipped unless `keepEmpty`.
struct ListElements: Sequence, IteratorProtocol {
    private let value: UnsafeRawBufferPointer.SubSequence
    private var position: Int
    private let keepEmpty: Bool

    init(_ value: UnsafeRawBufferPointer.SubSequence, keepEmpty: Bool = false) {
        self.value = value
        position = value.startIndex
        self.keepEmpty = keepEmpty
    }

    mutating func next() -> UnsafeRawBufferPointer.SubSequence? {
        while position <= value.endIndex {
            var end = position
            while end < value.endIndex, value[end] != UInt8(ascii: ",") { end += 1 }
            var start = position
            position = end + 1
            var last = end
            while start < last, value[start] == ByteClass.space || value[start] == ByteClass.tab { start += 1 }
            while last > start, value[last - 1] == ByteClass.space || value[last - 1] == ByteClass.tab { last -= 1 }
            if start < last || keepEmpty { return value[start..<last] }
        }
        return nil
    }
}

/// Strings for the methods and field names nearly every request carries, so the parser can
/// hand out an existing string instead of validating and building a new one each time.
enum CommonStrings {
    static func method(_ bytes: UnsafeRawBufferPointer.SubSequence) -> HTTPMethod {
        switch bytes.count {
        case 3 where matches(bytes, "GET"): return .get
        case 3 where matches(bytes, "PUT"): return .put
        case 4 where matches(bytes, "POST"): return .post
        case 4 where matches(bytes, "HEAD"): return .head
        case 5 where matches(bytes, "PATCH"): return .patch
        case 6 where matches(bytes, "DELETE"): return .delete
        case 7 where matches(bytes, "OPTIONS"): return .options
        default: return HTTPMethod(rawValue: String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The field name as sent; common spellings come from literals.
    static func headerName(_ bytes: UnsafeRawBufferPointer.SubSequence) -> String {
        switch bytes.count {
        case 4 where matches(bytes, "Host"): return "Host"
        case 4 where matches(bytes, "host"): return "host"
        case 6 where matches(bytes, "Accept"): return "Accept"
        case 6 where matches(bytes, "Expect"): return "Expect"
        case 10 where matches(bytes, "User-Agent"): return "User-Agent"
        case 10 where matches(bytes, "Connection"): return "Connection"
        case 12 where matches(bytes, "Content-Type"): return "Content-Type"
        case 13 where matches(bytes, "Authorization"): return "Authorization"
        case 14 where matches(bytes, "Content-Length"): return "Content-Length"
        case 15 where matches(bytes, "Accept-Encoding"): return "Accept-Encoding"
        case 17 where matches(bytes, "Transfer-Encoding"): return "Transfer-Encoding"
        default: return String(decoding: bytes, as: UTF8.self)
        }
    }

    @inline(__always)
    private static func matches(_ bytes: UnsafeRawBufferPointer.SubSequence, _ literal: StaticString) -> Bool {
        memcmp(bytes.base.baseAddress! + bytes.startIndex, literal.utf8Start, literal.utf8CodeUnitCount) == 0
    }
}
