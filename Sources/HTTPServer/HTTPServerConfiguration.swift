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
    /// Event-loop (I/O) threads; 0 means `automaticIOThreads`.
    public var ioThreads: Int = 0
    /// Body of the responses the server itself sends when it rejects a request before any
    /// responder sees it (400, 408, 413, 414, 431, 501, 505, 503 over the connection cap), given
    /// the status and a short reason. nil: an empty body. Lets the application answer those in
    /// its own format (the API's JSON envelope) without this module knowing that format.
    public var rejectionBody: (@Sendable (_ status: HTTPStatus, _ reason: String) -> RejectionBody)?

    /// Value of the `Server` response header.
    public var serverName: String = "invoice-master"

    public init() {}

    /// Half the online CPUs, at least one. The loops only read, parse and
    /// write; handlers run on the worker threads and the kernel's TCP work needs CPU too, so a
    /// loop per CPU leaves them competing with each other (Jetty, whose selector threads plus
    /// worker pool this design resembles, also defaults to at most half the CPUs for its
    /// selectors). Measured on 2 CPUs with
    /// wrk on the same machine, 64 connections: one loop served about 25% more requests than
    /// two, each with less CPU time. Set `ioThreads` (HTTP_IO_THREADS) to override.
    public static var automaticIOThreads: Int { max(1, onlineCPUCount() / 2) }
}

/// A body for a response the server sends on its own (see `rejectionBody`).
public struct RejectionBody: Sendable {
    public var contentType: String
    public var bytes: [UInt8]
    public init(contentType: String, bytes: [UInt8]) { self.contentType = contentType; self.bytes = bytes }
}
