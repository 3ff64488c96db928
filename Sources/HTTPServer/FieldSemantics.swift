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
