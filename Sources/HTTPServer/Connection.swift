#if canImport(Glibc)
import Glibc
#endif

/// One accepted socket and its HTTP/1.1 exchange. Owned by one event loop and touched only on
/// that loop's thread; workers hold a reference just to post their results back.
final class Connection: @unchecked Sendable {
    enum Phase {
        /// Reading and answering requests.
        case ready
        /// A request is with a worker; further input waits so responses stay in order.
        case awaitingResponse
        /// A worker is streaming a response body.
        case streaming
        /// Response sent, write side shut; draining input briefly so the peer reads the
        /// response before a reset could discard it.
        case lingering
        case closed
    }

    enum TimeoutKind {
        case none, idle, header, body, write, linger
    }

    /// What the response to the current request depends on.
    struct Exchange {
        var isHead = false
        var version = HTTPVersion.http1_1
        var keepAlive = true
    }

    let fd: Int32
    let slot: Int
    let generation: UInt32
    /// The loop owns its connections and closes them all before it ends, so it always
    /// outlives them; `unowned(unsafe)` skips a reference-count check on every access.
    unowned(unsafe) let loop: EventLoop
    let remoteAddress: String

    /// Unparsed bytes that must wait (a partial request, or pipelined requests queued behind
    /// a worker). Usually nil: reads go to the loop's shared buffer and are parsed there, so an
    /// idle connection holds no input memory.
    private var ownInput: InputBuffer?
    /// Where this connection's unparsed bytes are.
    var input: InputBuffer { ownInput ?? loop.sharedInput }
    var decoder: HTTPRequestDecoder
    var output = OutputQueue()
    var phase = Phase.ready
    var exchange = Exchange()
    /// Framing of the body being streamed by a worker.
    var streamFraming = ResponseHeadWriter.Framing.chunked
    /// Paces the worker streaming the current body, if any.
    private var streamCredit: StreamCredit?
    /// Bytes of streamed chunks queued in `output` since it last emptied.
    private var streamBytesQueued = 0

    /// Close once the queued output is written (error, `Connection: close`, shutdown).
    var closeAfterFlush = false
    /// The peer shut its write side (read returned 0).
    var peerClosed = false
    var servedRequests = 0

    var deadline: UInt64 = 0
    var timeoutKind = TimeoutKind.none
    /// epoll events currently registered.
    var interest: UInt32

    init(fd: Int32, slot: Int, generation: UInt32, loop: EventLoop, remoteAddress: String, interest: UInt32) {
        self.fd = fd
        self.slot = slot
        self.generation = generation
        self.loop = loop
        self.remoteAddress = remoteAddress
        self.interest = interest
        decoder = HTTPRequestDecoder(limits: loop.context.limits)
    }

    var isIdle: Bool {
        phase == .ready && output.isEmpty && !decoder.isMidRequest(input) && !closeAfterFlush
    }

    // MARK: Events

    func handle(events: UInt32) {
        if events & (LinuxEpoll.hup | LinuxEpoll.err) != 0 {
            // Reset, or closed in both directions: nothing can be delivered any more. (These
            // are reported whatever the interest, so waiting would spin the loop.)
            close()
            return
        }
        if events & LinuxEpoll.in != 0 {
            if phase == .lingering {
                discardInput()
                return
            }
            guard readAvailable() else { return }
            processInput()
            keepLeftoverInput()
        }
        if phase != .closed && events & LinuxEpoll.out != 0 {
            let wasHeldBack = output.pendingBytes >= OutputQueue.highWaterBytes
            flush()
            // Output drained: requests buffered behind the high-water mark may go on.
            if wasHeldBack && phase == .ready {
                processInput()
                keepLeftoverInput()
            }
        }
        if phase != .closed { updateInterestAndDeadline(progressed: true) }
    }

    /// Most input buffered while a worker has the request; beyond it reading pauses.
    static let maxBufferedWhileBusy = 64 * 1024

    /// Reads what the socket has. Returns false when the connection was closed.
    private func readAvailable() -> Bool {
        var total = 0
        while total < 256 * 1024 {
            let space = input.writableSpace()
            let count = read(fd, space.baseAddress, space.count)
            if count > 0 {
                input.commitWritten(count)
                total += count
                if count < space.count { break }
                continue
            }
            if count == 0 {
                peerClosed = true
                break
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return true
            default:
                close()
                return false
            }
        }
        return true
    }

    /// Moves bytes still unparsed out of the loop's shared buffer before another connection
    /// uses it, and frees this connection's own buffer once it is empty.
    private func keepLeftoverInput() {
        if let own = ownInput {
            if own.isEmpty { ownInput = nil }
            return
        }
        let shared = loop.sharedInput
        guard !shared.isEmpty else { return }
        if phase == .closed || phase == .lingering {
            shared.consume(shared.readableCount)
            return
        }
        let own = InputBuffer()
        own.append(shared.readable)
        shared.consume(shared.readableCount)
        ownInput = own
    }

    /// Drops unparsed input (closing, or lingering).
    private func discardUnparsedInput() {
        if let own = ownInput {
            own.release()
            ownInput = nil
        } else {
            let shared = loop.sharedInput
            shared.consume(shared.readableCount)
        }
    }

    /// Answers every complete request in the input, in order, until one must wait for a worker.
    func processInput() {
        while true {
            answerBufferedRequests()
            let wasHeldBack = output.pendingBytes >= OutputQueue.highWaterBytes
            flush()
            // Writing may have made room for requests already buffered; no event would say so.
            guard wasHeldBack && phase == .ready && !closeAfterFlush
                    && output.pendingBytes < OutputQueue.highWaterBytes else { return }
        }
    }

    /// Decodes and answers buffered requests until one needs more input, goes to a worker,
    /// ends the connection, or the queued output reaches the high-water mark.
    private func answerBufferedRequests() {
        while phase == .ready && !closeAfterFlush && output.pendingBytes < OutputQueue.highWaterBytes {
            switch decoder.next(from: input, remoteAddress: remoteAddress) {
            case .needMore:
                if peerClosed {
                    // Nothing more will come: an unfinished request can never complete.
                    closeAfterFlush = true
                }
                return
            case .sendContinue:
                output.appendInPlace { ResponseHeadWriter.append("HTTP/1.1 100 Continue\r\n\r\n", into: &$0) }
            case .failure(let error):
                sendError(error.status, reason: error.reason)
            case .request(let request, let keepAlive):
                servedRequests += 1
                timeoutKind = .none  // the next wait (idle, header, write) starts afresh
                exchange = Exchange(isHead: request.method == .head, version: request.version,
                                    keepAlive: keepAlive && !peerClosed)
                let responder = loop.context.responder
                if responder.respondsWithoutBlocking(to: request) {
                    send(responder.respond(to: request), inline: true)
                } else {
                    phase = .awaitingResponse
                    let isHead = exchange.isHead
                    loop.context.workers.submit { [self] in
                        let response = responder.respond(to: request)
                        guard case .stream(let produce) = response.body, !isHead else {
                            loop.post(.response(self, response, nil))
                            return
                        }
                        let credit = StreamCredit()
                        loop.post(.response(self, response, credit))
                        produce { chunk in
                            if credit.reserve(chunk.count) { self.loop.post(.streamChunk(self, chunk)) }
                        }
                        loop.post(.streamEnd(self))
                    }
                }
            }
        }
    }

    // MARK: Responses

    /// Queues a response to the current request. A streamed body is produced here when
    /// `inline`, otherwise it arrives later from the worker as chunk messages.
    func send(_ response: HTTPResponse, inline: Bool) {
        var keepAlive = exchange.keepAlive && !loop.isDraining && !peerClosed
        let context = loop.context
        let code = response.status.code
        let bodyless = code < 200 || code == 204 || code == 304
        switch response.body {
        case .bytes(let body):
            output.appendInPlace {
                keepAlive = ResponseHeadWriter.write(
                    status: response.status, headers: response.headers,
                    framing: bodyless ? .noBody : .contentLength(body.count), keepAlive: keepAlive,
                    dateLine: loop.dateCache.line, serverLine: context.serverLine, into: &$0)
            }
            if !keepAlive { closeAfterFlush = true }
            if !exchange.isHead && !bodyless && !body.isEmpty { output.append(body) }
            phase = .ready
        case .stream(let produce):
            let framing: ResponseHeadWriter.Framing = exchange.version == .http1_0 ? .untilClose : .chunked
            if case .untilClose = framing { keepAlive = false }
            output.appendInPlace {
                keepAlive = ResponseHeadWriter.write(
                    status: response.status, headers: response.headers, framing: framing, keepAlive: keepAlive,
                    dateLine: loop.dateCache.line, serverLine: context.serverLine, into: &$0)
            }
            if !keepAlive { closeAfterFlush = true }
            streamFraming = framing
            if exchange.isHead {
                phase = .ready
            } else if inline {
                produce { chunk in self.appendStreamChunk(chunk) }
                appendStreamEnd()
                phase = .ready
            } else {
                phase = .streaming
            }
        }
    }

    func appendStreamChunk(_ chunk: [UInt8]) {
        guard !chunk.isEmpty else { return }
        if case .chunked = streamFraming {
            output.appendInPlace { ResponseHeadWriter.appendChunkHeader(chunk.count, into: &$0) }
            output.append(chunk)
            output.appendInPlace { ResponseHeadWriter.append("\r\n", into: &$0) }
        } else {
            output.append(chunk)
        }
    }

    func appendStreamEnd() {
        if case .chunked = streamFraming { output.appendInPlace { ResponseHeadWriter.append("0\r\n\r\n", into: &$0) } }
    }

    /// Queues an error response and closes after it: the stream cannot be trusted further.
    func sendError(_ status: HTTPStatus, reason: String) {
        let body = loop.context.configuration.rejectionBody?(status, reason)
        output.appendInPlace {
            ResponseHeadWriter.writeError(status, body: body, dateLine: loop.dateCache.line,
                                          serverLine: loop.context.serverLine, into: &$0)
        }
        closeAfterFlush = true
    }

    // MARK: Worker results (loop thread)

    func workerResponded(_ response: HTTPResponse, streamCredit: StreamCredit?) {
        guard phase == .awaitingResponse else {
            streamCredit?.cancel()
            return
        }
        self.streamCredit = streamCredit
        send(response, inline: false)
        continueAfterResponse()
    }

    func workerStreamed(_ chunk: [UInt8]) {
        guard phase == .streaming else { return }
        appendStreamChunk(chunk)
        streamBytesQueued += chunk.count
        flush()
        if phase != .closed { updateInterestAndDeadline(progressed: true) }
    }

    func workerFinishedStream() {
        guard phase == .streaming else { return }
        streamCredit = nil
        streamBytesQueued = 0
        appendStreamEnd()
        phase = .ready
        continueAfterResponse()
    }

    private func continueAfterResponse() {
        if phase == .ready {
            processInput()
            keepLeftoverInput()
        }
        if phase != .closed { updateInterestAndDeadline(progressed: true) }
    }

    // MARK: Writing and closing

    func flush() {
        if !output.isEmpty {
            switch output.write(to: fd) {
            case .done:
                if streamBytesQueued > 0 {
                    streamCredit?.release(streamBytesQueued)
                    streamBytesQueued = 0
                }
            case .wouldBlock: return
            case .failed:
                close()
                return
            }
        }
        if closeAfterFlush && phase == .ready { beginLingeringClose() }
    }

    /// Half-closes and reads whatever the peer still sends for a moment, so a response to an
    /// unread body (413, an error) is not destroyed by the reset that closing with unread
    /// input would send.
    private func beginLingeringClose() {
        shutdown(fd, Int32(SHUT_WR))
        phase = .lingering
        if peerClosed {
            close()
            return
        }
        deadline = loop.now + Self.lingerMilliseconds
        timeoutKind = .linger
        discardUnparsedInput()
    }

    static let lingerMilliseconds: UInt64 = 2000
    private static let lingerByteLimit = 1 << 20
    private var lingeredBytes = 0

    private func discardInput() {
        while true {
            let count = loop.withScratch { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                lingeredBytes += count
                if lingeredBytes > Self.lingerByteLimit { break }
                continue
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            break
        }
        close()
    }

    func close() {
        guard phase != .closed else { return }
        phase = .closed
        streamCredit?.cancel()
        streamCredit = nil
        Glibc.close(fd)
        discardUnparsedInput()
        loop.connectionDidClose(self)
    }

    // MARK: Timers

    /// Registers for the events the current phase needs and arms the matching timeout.
    func updateInterestAndDeadline(progressed: Bool) {
        let now = loop.now
        let timeouts = loop.context.timeouts
        var wanted: UInt32 = 0
        switch phase {
        case .closed:
            return
        case .ready:
            if !closeAfterFlush && !peerClosed && output.pendingBytes < OutputQueue.highWaterBytes { wanted |= LinuxEpoll.in }
        case .lingering:
            wanted |= LinuxEpoll.in
        case .awaitingResponse, .streaming:
            // Stay registered for input (changing the registration twice per request costs two
            // syscalls): pipelined bytes are buffered, up to a bound, until the response is out.
            if !peerClosed && input.readableCount < Self.maxBufferedWhileBusy { wanted |= LinuxEpoll.in }
        }
        if !output.isEmpty { wanted |= LinuxEpoll.out }
        if wanted != interest {
            interest = wanted
            LinuxEpoll.control(loop.epollFD, LinuxEpoll.ctlMod, fd, events: wanted,
                               data: UInt64(slot) | UInt64(generation) << 32)
        }

        switch phase {
        case .closed, .lingering:
            return
        case .awaitingResponse, .streaming:
            if output.isEmpty {
                setDeadline(.none, 0)
            } else if progressed || timeoutKind != .write {
                setDeadline(.write, now + timeouts.write)
            }
        case .ready:
            if !output.isEmpty {
                if progressed || timeoutKind != .write { setDeadline(.write, now + timeouts.write) }
            } else if decoder.isReadingBody {
                if progressed || timeoutKind != .body { setDeadline(.body, now + timeouts.body) }
            } else if decoder.isMidRequest(input) {
                // Measured from the first byte of the head, however slowly the rest trickles in.
                if timeoutKind != .header { setDeadline(.header, now + timeouts.header) }
            } else if timeoutKind != .idle {
                setDeadline(.idle, now + (servedRequests == 0 ? timeouts.header : timeouts.keepAlive))
            }
        }
    }

    private func setDeadline(_ kind: TimeoutKind, _ time: UInt64) {
        timeoutKind = kind
        deadline = kind == .none ? 0 : time
    }

    /// Called by the loop's sweep when `deadline` has passed.
    func timedOut() {
        switch timeoutKind {
        case .header, .body:
            if phase == .ready {
                sendError(.requestTimeout, reason: timeoutKind == .header ? "request header timeout" : "request body timeout")
                flush()
                // Still unwritten, the 408 now runs under the write timeout.
                if phase != .closed { updateInterestAndDeadline(progressed: true) }
            } else {
                close()
            }
        case .idle, .write, .linger, .none:
            close()
        }
    }
}
