#if canImport(Glibc)
import Glibc
#endif

/// One I/O thread: an epoll instance with the connections it accepted from its own
/// SO_REUSEPORT listener. Everything here runs on that thread, except `post`.
final class EventLoop: @unchecked Sendable {
    enum Message {
        /// A worker's response; a streamed body comes with the credit that paces its chunks.
        case response(Connection, HTTPResponse, StreamCredit?)
        case streamChunk(Connection, [UInt8])
        case streamEnd(Connection)
        case shutdown
    }

    let context: ServerContext
    let epollFD: Int32
    private let wakeFD: Int32
    private var listenFD: Int32

    private var connections: [Connection?] = []
    private var generations: [UInt32] = []
    private var freeSlots: [Int] = []
    private(set) var liveConnections = 0

    private(set) var now: UInt64 = 0
    var dateCache = HTTPDateCache()
    private(set) var isDraining = false
    private var drainDeadline: UInt64 = 0
    private var nextSweep: UInt64 = 0
    private var acceptPausedUntil: UInt64 = 0

    private let mailboxLock = ConditionLock()
    private var mailbox: [Message] = []
    private var wakePending = false

    private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 * 1024, alignment: 16)
    /// The read buffer connections parse from; whatever a connection leaves unparsed is moved
    /// to its own buffer before the next connection reads (see `Connection.input`).
    let sharedInput = InputBuffer()

    private static let listenerTag = UInt64.max
    private static let wakeTag = UInt64.max - 1

    init(context: ServerContext, listenFD: Int32) throws {
        self.context = context
        self.listenFD = listenFD
        epollFD = LinuxEpoll.create1(LinuxEpoll.closeOnExec)
        if epollFD < 0 { throw HTTPServerError.socketFailed(operation: "epoll_create1", errno: errno) }
        wakeFD = LinuxEpoll.eventfd(0, LinuxEpoll.nonBlocking | LinuxEpoll.closeOnExec)
        if wakeFD < 0 {
            let code = errno
            Glibc.close(epollFD)
            throw HTTPServerError.socketFailed(operation: "eventfd", errno: code)
        }
        LinuxEpoll.control(epollFD, LinuxEpoll.ctlAdd, wakeFD, events: LinuxEpoll.in, data: Self.wakeTag)
        LinuxEpoll.control(epollFD, LinuxEpoll.ctlAdd, listenFD, events: LinuxEpoll.in, data: Self.listenerTag)
    }

    deinit {
        Glibc.close(epollFD)
        Glibc.close(wakeFD)
        scratch.deallocate()
    }

    /// Hands a message to the loop from any thread.
    func post(_ message: Message) {
        mailboxLock.lock()
        mailbox.append(message)
        let mustWake = !wakePending
        wakePending = true
        mailboxLock.unlock()
        if mustWake {
            var one: UInt64 = 1
            _ = write(wakeFD, &one, 8)
        }
    }

    func withScratch<T>(_ body: (UnsafeMutableRawBufferPointer) -> T) -> T { body(scratch) }

    // MARK: Running

    /// Runs until shutdown has drained every connection.
    func run() {
        let events = EpollEventBuffer(capacity: 512)
        defer { events.deallocate() }
        updateClock()
        nextSweep = now + context.sweepInterval
        while true {
            let timeout = Int32(clamping: nextSweep > now ? nextSweep - now : 0)
            let count = LinuxEpoll.wait(epollFD, events.storage, Int32(events.capacity), timeout)
            updateClock()
            if count < 0 && errno != EINTR { fatalError("epoll_wait failed: \(String(cString: strerror(errno)))") }
            for index in 0..<max(0, Int(count)) {
                let data = events.data(at: index)
                switch data {
                case Self.listenerTag: acceptConnections()
                case Self.wakeTag: drainMailbox()
                default:
                    let slot = Int(truncatingIfNeeded: data & 0xFFFF_FFFF)
                    let generation = UInt32(truncatingIfNeeded: data >> 32)
                    // A slot closed and reused earlier in this batch must not see stale events.
                    guard slot < connections.count, generations[slot] == generation, let connection = connections[slot]
                    else { continue }
                    connection.handle(events: events.events(at: index))
                }
            }
            if now >= nextSweep {
                sweep()
                nextSweep = now + context.sweepInterval
            }
            if isDraining && (liveConnections == 0 || now >= drainDeadline) { break }
        }
        for case let connection? in connections { connection.close() }
        if listenFD >= 0 { closeListener() }
    }

    private func updateClock() {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC_COARSE, &time)
        now = UInt64(time.tv_sec) * 1000 + UInt64(time.tv_nsec / 1_000_000)
        var wall = timespec()
        clock_gettime(CLOCK_REALTIME_COARSE, &wall)
        dateCache.update(now: wall.tv_sec)
    }

    // MARK: Accepting

    private func acceptConnections() {
        for _ in 0..<64 {
            var peer = SocketAddress()
            peer.length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutableBytes(of: &peer.storage) { bytes in
                LinuxEpoll.accept4(listenFD, bytes.baseAddress!.assumingMemoryBound(to: sockaddr.self), &peer.length,
                                   LinuxEpoll.nonBlocking | LinuxEpoll.closeOnExec)
            }
            if fd < 0 {
                switch errno {
                case EINTR, ECONNABORTED: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors: stop polling the listener for a moment instead of
                    // spinning on a level-triggered event that cannot be served.
                    LinuxEpoll.control(epollFD, LinuxEpoll.ctlDel, listenFD, events: 0, data: 0)
                    acceptPausedUntil = now + 100
                    return
                default: return
                }
            }
            guard context.reserveConnection() else {
                refuse(fd)
                continue
            }
            _ = SocketOptions.enable(fd, level: Int32(IPPROTO_TCP), option: TCP_NODELAY)
            register(fd, remoteAddress: peer.hostText)
        }
    }

    /// Over the connection cap: answer 503 if the socket takes it at once, then close.
    private func refuse(_ fd: Int32) {
        var response = [UInt8]()
        let body = context.configuration.rejectionBody?(.serviceUnavailable, "too many open connections")
        ResponseHeadWriter.writeError(.serviceUnavailable, body: body, dateLine: dateCache.line,
                                      serverLine: context.serverLine, into: &response)
        _ = response.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        Glibc.close(fd)
    }

    private func register(_ fd: Int32, remoteAddress: String) {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
        } else {
            slot = connections.count
            connections.append(nil)
            generations.append(0)
        }
        generations[slot] &+= 1
        let generation = generations[slot]
        let connection = Connection(fd: fd, slot: slot, generation: generation, loop: self,
                                    remoteAddress: remoteAddress, interest: LinuxEpoll.in)
        connections[slot] = connection
        liveConnections += 1
        LinuxEpoll.control(epollFD, LinuxEpoll.ctlAdd, fd, events: LinuxEpoll.in, data: UInt64(slot) | UInt64(generation) << 32)
        connection.updateInterestAndDeadline(progressed: true)
    }

    func connectionDidClose(_ connection: Connection) {
        connections[connection.slot] = nil
        generations[connection.slot] &+= 1
        freeSlots.append(connection.slot)
        liveConnections -= 1
        context.releaseConnection()
    }

    // MARK: Messages

    private func drainMailbox() {
        var counter: UInt64 = 0
        _ = read(wakeFD, &counter, 8)
        mailboxLock.lock()
        let messages = mailbox
        mailbox.removeAll(keepingCapacity: true)
        wakePending = false
        mailboxLock.unlock()
        for message in messages {
            switch message {
            case .response(let connection, let response, let credit):
                connection.workerResponded(response, streamCredit: credit)
            case .streamChunk(let connection, let chunk): connection.workerStreamed(chunk)
            case .streamEnd(let connection): connection.workerFinishedStream()
            case .shutdown: beginDraining()
            }
        }
    }

    // MARK: Timers and shutdown

    private func sweep() {
        if acceptPausedUntil != 0 && now >= acceptPausedUntil && !isDraining {
            acceptPausedUntil = 0
            LinuxEpoll.control(epollFD, LinuxEpoll.ctlAdd, listenFD, events: LinuxEpoll.in, data: Self.listenerTag)
        }
        for case let connection? in connections where connection.deadline != 0 && connection.deadline <= now {
            connection.timedOut()
        }
    }

    /// Stops accepting and closes idle connections; busy ones close after their response.
    private func beginDraining() {
        guard !isDraining else { return }
        isDraining = true
        drainDeadline = now + UInt64(max(0, context.configuration.shutdownGracePeriod) * 1000)
        closeListener()
        for case let connection? in connections where connection.isIdle { connection.close() }
    }

    private func closeListener() {
        LinuxEpoll.control(epollFD, LinuxEpoll.ctlDel, listenFD, events: 0, data: 0)
        Glibc.close(listenFD)
        listenFD = -1
    }
}
