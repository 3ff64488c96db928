/// Turns the bytes of a connection into complete requests, one at a time and in order:
/// head, then a Content-Length or chunked body. It enforces every limit before buffering, so
/// a too-large body is refused without being read.
struct HTTPRequestDecoder {
    enum Outcome {
        /// Nothing complete yet: read more.
        case needMore
        /// The head asked for `Expect: 100-continue` and the body has not started: send
        /// `100 Continue`, then call `next` again.
        case sendContinue
        case request(HTTPRequest, keepAlive: Bool)
        /// The stream is unusable from here on: answer with the error's status and close.
        case failure(HTTPParseError)
    }

    private enum State {
        case head
        case body(HTTPRequestHead, BodyProgress)
        case failed(HTTPParseError)
    }

    private enum BodyProgress {
        case length(remaining: Int, body: [UInt8])
        case chunked(ChunkedBodyDecoder, body: [UInt8], trailers: HTTPHeaders)
    }

    let limits: HTTPParserLimits
    private var state = State.head
    /// Where the search for progress in an incomplete head resumes.
    private var headSearchOffset = 0
    /// Buffered size at which an incomplete head is parsed again to catch errors and limits
    /// early; it doubles each time, so a client trickling bytes costs linear work.
    private var nextProbeSize = 0
    private var continueSent = false

    init(limits: HTTPParserLimits) { self.limits = limits }

    /// Whether a request has started arriving (for choosing between idle and read timeouts).
    func isMidRequest(_ buffer: InputBuffer) -> Bool {
        if case .head = state { return !buffer.isEmpty }
        return true
    }

    var isReadingBody: Bool {
        if case .body = state { return true }
        return false
    }

    mutating func next(from buffer: InputBuffer, remoteAddress: String) -> Outcome {
        switch state {
        case .failed(let error):
            return .failure(error)
        case .head:
            return decodeHead(from: buffer, remoteAddress: remoteAddress)
        case .body(let head, let progress):
            state = .head  // drop the state's copy so the body array stays uniquely referenced
            return decodeBody(head, progress, from: buffer, remoteAddress: remoteAddress)
        }
    }

    private mutating func decodeHead(from buffer: InputBuffer, remoteAddress: String) -> Outcome {
        if !skipEmptyLines(buffer) { return .needMore }
        let bytes = buffer.readable
        if bytes.isEmpty { return .needMore }
        if nextProbeSize > 0 {
            // A previous attempt found the head incomplete. Parsing again costs a pass over
            // the head, so it waits for a new line end or for the buffer to double (to catch
            // limits): a client trickling bytes then costs linear work, not quadratic.
            if !containsHeadProgress(bytes) && bytes.count < nextProbeSize { return .needMore }
        }
        switch HTTPRequestHeadParser.parse(bytes, limits: limits) {
        case .incomplete:
            nextProbeSize = max(bytes.count * 2, 1024)
            headSearchOffset = max(bytes.count - 1, 0)
            return .needMore
        case .failure(let error):
            return fail(error)
        case .complete(let head, let consumed):
            buffer.consume(consumed)
            headSearchOffset = 0
            nextProbeSize = 0
            continueSent = false
            switch head.framing {
            case .none:
                return .request(makeRequest(head, body: [], trailers: nil, remoteAddress: remoteAddress), keepAlive: head.keepAlive)
            case .contentLength(let length):
                if length > limits.maxBodyBytes { return fail(.bodyTooLarge()) }
                return decodeBody(head, .length(remaining: length, body: []), from: buffer, remoteAddress: remoteAddress)
            case .chunked:
                return decodeBody(head, .chunked(ChunkedBodyDecoder(), body: [], trailers: HTTPHeaders()),
                                  from: buffer, remoteAddress: remoteAddress)
            }
        }
    }

    private mutating func decodeBody(_ head: HTTPRequestHead, _ progress: BodyProgress, from buffer: InputBuffer,
                                     remoteAddress: String) -> Outcome {
        if head.expectsContinue && !continueSent && buffer.isEmpty {
            continueSent = true
            state = .body(head, progress)
            return .sendContinue
        }
        switch progress {
        case .length(let remaining, var body):
            let bytes = buffer.readable
            if body.isEmpty && bytes.count >= remaining {
                // The usual case: the whole body is already here.
                let whole = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[0..<remaining]))
                buffer.consume(remaining)
                return .request(makeRequest(head, body: whole, trailers: nil, remoteAddress: remoteAddress), keepAlive: head.keepAlive)
            }
            if body.isEmpty { body.reserveCapacity(min(remaining, 1 << 20)) }
            let take = min(remaining, bytes.count)
            body.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[0..<take]))
            buffer.consume(take)
            if take == remaining {
                return .request(makeRequest(head, body: body, trailers: nil, remoteAddress: remoteAddress), keepAlive: head.keepAlive)
            }
            state = .body(head, .length(remaining: remaining - take, body: body))
            return .needMore
        case .chunked(var decoder, var body, var trailers):
            let (consumed, outcome) = decoder.decode(buffer.readable, limits: limits, body: &body, trailers: &trailers)
            buffer.consume(consumed)
            switch outcome {
            case .needMore:
                state = .body(head, .chunked(decoder, body: body, trailers: trailers))
                return .needMore
            case .failure(let error):
                return fail(error)
            case .done:
                return .request(makeRequest(head, body: body, trailers: trailers, remoteAddress: remoteAddress),
                                keepAlive: head.keepAlive)
            }
        }
    }

    private mutating func fail(_ error: HTTPParseError) -> Outcome {
        state = .failed(error)
        return .failure(error)
    }

    /// RFC 9112 §2.2: a server should ignore empty lines received before a request line.
    /// Returns false when the input is a lone CR that may yet become an empty line.
    private func skipEmptyLines(_ buffer: InputBuffer) -> Bool {
        while true {
            let bytes = buffer.readable
            if bytes.count == 1 && bytes[0] == ByteClass.cr { return false }
            guard bytes.count >= 2, bytes[0] == ByteClass.cr, bytes[1] == ByteClass.lf else { return true }
            buffer.consume(2)
        }
    }

    /// Whether bytes that arrived since the last attempt could change the parser's answer: a
    /// line end (a complete line to check, maybe the end of the head) or a CR not followed by
    /// LF (a bare CR to reject). Anything else only extends a line, checked when it ends.
    private mutating func containsHeadProgress(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = headSearchOffset
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == ByteClass.lf { return true }
            if byte == ByteClass.cr && index + 1 < count && bytes[index + 1] != ByteClass.lf { return true }
            index += 1
        }
        headSearchOffset = max(count - 1, 0)
        return false
    }

    private func makeRequest(_ head: HTTPRequestHead, body: [UInt8], trailers: HTTPHeaders?,
                             remoteAddress: String) -> HTTPRequest {
        var request = HTTPRequest(method: head.method, target: head.target, path: head.path, queryItems: head.queryItems,
                                  version: head.version, headers: head.headers, body: body, remoteAddress: remoteAddress)
        if let trailers { request.trailers = trailers }
        return request
    }
}
