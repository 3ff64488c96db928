#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// An HTTP/1.1 server on non-blocking sockets: epoll event loops (`ioThreads`; each with its own
/// SO_REUSEPORT listener) for I/O and parsing, and a bounded worker pool for responders.
///
///     let server = HTTPServer(configuration: config, responder: app)
///     try server.start()
///     server.shutdownOnSignals()
///     server.waitUntilStopped()
public final class HTTPServer: @unchecked Sendable {
    public let configuration: HTTPServerConfiguration
    private let responder: any HTTPResponder

    private let stateLock = ConditionLock()
    private var context: ServerContext?
    private var loops: [EventLoop] = []
    private var threads: [pthread_t] = []
    private var runningLoops = 0
    private var started = false
    private var stopped = false
    private var boundPort = 0
    private var signalSources: [DispatchSourceSignal] = []

    public init(configuration: HTTPServerConfiguration, responder: some HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
    }

    /// The bound port: the configured one, or the one the kernel picked for port 0.
    public var port: Int { stateLock.withLock { boundPort } }

    /// Binds, listens and starts the I/O threads; returns at once.
    public func start() throws {
        try stateLock.withLock {
            if started || stopped { throw HTTPServerError.alreadyStarted }
            started = true
        }
        // A peer that resets mid-write must yield EPIPE, not kill the process.
        signal(SIGPIPE, SIG_IGN)

        guard var address = SocketAddress(host: configuration.host, port: configuration.port) else {
            throw HTTPServerError.invalidAddress(configuration.host)
        }
        let loopCount = configuration.ioThreads > 0 ? configuration.ioThreads : HTTPServerConfiguration.automaticIOThreads
        var listeners: [Int32] = []
        do {
            if address.port != 0 { try SocketOptions.checkPortIsFree(address: address, host: configuration.host) }
            for _ in 0..<loopCount {
                let fd = try SocketOptions.makeListener(address: address, host: configuration.host, backlog: 4096)
                listeners.append(fd)
                if address.port == 0 {
                    // Every further listener joins the port the kernel chose for the first.
                    address = SocketAddress(host: configuration.host, port: SocketOptions.localAddress(fd).port)!
                }
            }
        } catch {
            for fd in listeners { close(fd) }
            throw error
        }

        let context = ServerContext(configuration: configuration, responder: responder)
        var loops: [EventLoop] = []
        do {
            for fd in listeners { loops.append(try EventLoop(context: context, listenFD: fd)) }
        } catch {
            for fd in listeners { close(fd) }
            context.workers.stop()
            throw error
        }
        stateLock.withLock {
            self.context = context
            self.loops = loops
            boundPort = address.port
            runningLoops = loops.count
        }
        for loop in loops {
            let thread = startThread { [self] in
                loop.run()
                loopDidStop()
            }
            stateLock.withLock { threads.append(thread) }
        }
    }

    /// Graceful shutdown, from any thread: stop accepting, let in-flight requests finish for up
    /// to `shutdownGracePeriod`, close idle keep-alive connections. Returns at once.
    public func shutdown() {
        let loops = stateLock.withLock { () -> [EventLoop] in
            if stopped { return [] }
            stopped = true
            return self.loops
        }
        for loop in loops { loop.post(.shutdown) }
    }

    /// Blocks until every event loop has stopped after `shutdown()` (at once if never started).
    public func waitUntilStopped() {
        stateLock.lock()
        while runningLoops > 0 { stateLock.wait() }
        let threads = self.threads
        self.threads = []
        let context = self.context
        self.context = nil
        stateLock.unlock()
        for thread in threads { pthread_join(thread, nil) }
        // Workers still busy past the grace period are waited for here, so no responder runs
        // after this returns.
        context?.workers.stop()
    }

    /// Calls `shutdown()` on SIGTERM and SIGINT (the default handlers are replaced).
    public func shutdownOnSignals() {
        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.shutdown() }
            source.resume()
            sources.append(source)
        }
        stateLock.withLock { signalSources.append(contentsOf: sources) }
    }

    private func loopDidStop() {
        stateLock.withLock {
            runningLoops -= 1
            if runningLoops == 0 { stateLock.broadcast() }
        }
    }
}
