/// Everything the server can be tuned with. Times are in seconds.
public struct HTTPServerConfiguration: Sendable {
    /// Address to bind: an IPv4 or IPv6 literal, or `localhost`.
    public var host: String = "127.0.0.1"
    /// 0 picks a free port (tests); read the bound one from `HTTPServer.port`.
    public var port: Int = 8080
    /// Largest accepted request body; larger → 413 without reading the rest.
    public var maxBodyBytes: Int = 25 * 1024 * 1024
    public var headerReadTimeout: Double = 10
    public var bodyReadTimeout: Double = 30
    public var keepAliveTimeout: Double = 75
    public var writeTimeout: Double = 30
    /// Open connections above this are refused (accepted and closed at once).
    public var maxConnections: Int = 10_000
    /// Threads that run `HTTPResponder.respond` (which may block on the database).
    public var workerThreads: Int = 16
    /// How long a graceful shutdown waits for in-flight requests.
    public var shutdownGracePeriod: Double = 10
    /// Event-loop (I/O) threads; 0 means one per CPU core.
    public var ioThreads: Int = 0
    /// Value of the `Server` response header.
    public var serverName: String = "invoice-master"

    public init() {}
}
