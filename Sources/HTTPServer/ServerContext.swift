/// What every event loop of a server shares (read-only after start).
final class ServerContext: @unchecked Sendable {
    struct Timeouts {
        var header: UInt64
        var body: UInt64
        var keepAlive: UInt64
        var write: UInt64
    }

    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let workers: WorkerPool
    let limits: HTTPParserLimits
    let timeouts: Timeouts
    let serverLine: [UInt8]
    /// How often each loop checks its connections' deadlines, in milliseconds.
    let sweepInterval: UInt64

    private let countLock = ConditionLock()
    private var openConnections = 0

    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
        workers = WorkerPool(threadCount: configuration.workerThreads)
        var limits = HTTPParserLimits()
        limits.maxBodyBytes = configuration.maxBodyBytes
        self.limits = limits
        func milliseconds(_ seconds: Double) -> UInt64 { UInt64(max(0.001, seconds) * 1000) }
        timeouts = Timeouts(header: milliseconds(configuration.headerReadTimeout),
                            body: milliseconds(configuration.bodyReadTimeout),
                            keepAlive: milliseconds(configuration.keepAliveTimeout),
                            write: milliseconds(configuration.writeTimeout))
        var serverLine = [UInt8]()
        ResponseHeadWriter.appendField("Server", configuration.serverName, into: &serverLine)
        self.serverLine = serverLine
        let shortest = min(timeouts.header, timeouts.body, timeouts.keepAlive, timeouts.write)
        sweepInterval = min(250, max(5, shortest / 8))
    }

    /// Counts a new connection against `maxConnections`; false when it must be refused.
    func reserveConnection() -> Bool {
        countLock.withLock {
            if openConnections >= configuration.maxConnections { return false }
            openConnections += 1
            return true
        }
    }

    func releaseConnection() { countLock.withLock { openConnections -= 1 } }
}
