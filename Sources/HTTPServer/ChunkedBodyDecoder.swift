/// Incremental decoder for the chunked transfer coding (RFC 9112 §7.1):
///
///     chunked-body = *chunk last-chunk trailer-section CRLF
///     chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
///
/// It is fed whatever bytes have arrived, appends chunk data to the body, and keeps its place
/// across calls. Trailer fields are parsed with the same strictness as header fields.
struct ChunkedBodyDecoder {
    enum Outcome: Equatable {
        case needMore
        case done
        case failure(HTTPParseError)
    }

    private enum State {
        case size(digits: Int, value: Int)
        case extensions
        case sizeLF(value: Int)
        case data(remaining: Int)
        case dataCR
        case dataLF
        case trailers
    }

    private var state = State.size(digits: 0, value: 0)
    /// The size read before a chunk extension, kept while the extension is skipped.
    private var pendingSize = 0
    private var trailerBytes = 0
    private var trailerCount = 0

    /// Decodes from `bytes`, returning how many were consumed. Data goes to `body`, trailer
    /// fields to `trailers`.
    mutating func decode(_ bytes: UnsafeRawBufferPointer, limits: HTTPParserLimits,
                         body: inout [UInt8], trailers: inout HTTPHeaders) -> (consumed: Int, outcome: Outcome) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch state {
            case .size(let digits, let value):
                if let digit = PercentDecoding.hexValue(byte) {
                    // Leading zeros are fine, but a size that cannot fit the body limit is not.
                    let next = value << 4 | Int(digit)
                    if value > (limits.maxBodyBytes >> 4) + 1 || next > limits.maxBodyBytes - body.count {
                        return (index, .failure(.bodyTooLarge()))
                    }
                    state = .size(digits: digits + 1, value: next)
                } else if digits == 0 {
                    return (index, .failure(.badRequest("malformed chunk size")))
                } else if byte == ByteClass.cr {
                    state = .sizeLF(value: value)
                } else if byte == UInt8(ascii: ";") || byte == ByteClass.space || byte == ByteClass.tab {
                    pendingSize = value
                    state = .extensions
                } else {
                    return (index, .failure(.badRequest("malformed chunk size")))
                }
                index += 1
            case .extensions:
                // chunk-ext is ignored, but must not hide control characters or bare line ends.
                if byte == ByteClass.cr {
                    state = .sizeLF(value: pendingSize)
                } else if !ByteClass.isFieldValue(byte) {
                    return (index, .failure(.badRequest("invalid character in chunk extension")))
                }
                index += 1
            case .sizeLF(let value):
                guard byte == ByteClass.lf else { return (index, .failure(.badRequest("chunk size not ended by CRLF"))) }
                index += 1
                state = value == 0 ? .trailers : .data(remaining: value)
            case .data(let remaining):
                let take = min(remaining, count - index)
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index..<(index + take)]))
                index += take
                state = take == remaining ? .dataCR : .data(remaining: remaining - take)
            case .dataCR:
                guard byte == ByteClass.cr else { return (index, .failure(.badRequest("chunk data not ended by CRLF"))) }
                index += 1
                state = .dataLF
            case .dataLF:
                guard byte == ByteClass.lf else { return (index, .failure(.badRequest("chunk data not ended by CRLF"))) }
                index += 1
                state = .size(digits: 0, value: 0)
            case .trailers:
                let rest = UnsafeRawBufferPointer(rebasing: bytes[index...])
                let (consumed, outcome) = decodeTrailerLine(rest, limits: limits, trailers: &trailers)
                index += consumed
                if outcome != nil { return (index, outcome!) }
                if consumed == 0 { return (index, .needMore) }
            }
        }
        return (index, .needMore)
    }

    /// Parses one trailer line or the final CRLF. Returns `(0, nil)` when the line is incomplete.
    private mutating func decodeTrailerLine(_ bytes: UnsafeRawBufferPointer, limits: HTTPParserLimits,
                                            trailers: inout HTTPHeaders) -> (Int, Outcome?) {
        let first = bytes[0]
        if first == ByteClass.cr {
            if bytes.count < 2 { return (0, nil) }
            return bytes[1] == ByteClass.lf ? (2, .done) : (0, .failure(.badRequest("bare CR")))
        }
        if first == ByteClass.space || first == ByteClass.tab { return (0, .failure(.badRequest("obsolete line folding"))) }
        var lineLimits = limits
        lineLimits.maxHeaderSectionBytes = limits.maxHeaderSectionBytes - trailerBytes
        switch HTTPRequestHeadParser.parseField(bytes, at: 0, sectionStart: 0, limits: lineLimits) {
        case .incomplete:
            if trailerBytes + bytes.count > limits.maxHeaderSectionBytes {
                return (0, .failure(.headersTooLarge("trailer section too large")))
            }
            return (0, nil)
        case .failure(let error):
            return (0, .failure(error))
        case .field(let name, let value, let next):
            trailerCount += 1
            trailerBytes += next
            if trailerCount > limits.maxHeaderFields { return (0, .failure(.headersTooLarge("too many trailer fields"))) }
            trailers.add(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
            return (next, nil)
        }
    }
}
