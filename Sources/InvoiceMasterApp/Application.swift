import Foundation
import HTTPServer
import Postgres

/// The application built from settings: connection pool, migrations, router with every feature's
/// routes, and the middleware chain in the order — request id → access log → rate
/// limit → error mapping → router. It is the `HTTPResponder` the server calls.
public final class Application: HTTPResponder {
    public let settings: Settings
    public let pool: PostgresPool
    public let logger: AppLogger
    public let router: Router
    public let documents: DocumentService
    public let notifier: InferenceNotifier
    private let logWriter: LogWriter
    private let chain: MiddlewareChain

    /// Starts the pool and, unless `settings.migrateOnStart` is off, applies pending migrations
    /// (throws when they fail, e.g. the database is down or an applied file changed).
    public init(settings: Settings, logWriter: LogWriter = LogWriter()) throws {
        self.settings = settings
        self.logWriter = logWriter
        logger = AppLogger(level: settings.logLevel, format: settings.logFormat, writer: logWriter)

        var database = PostgresConfiguration(connectionString: settings.databaseURL)
        database.minConnections = settings.dbPoolMin
        database.maxConnections = settings.dbPoolMax
        database.acquireTimeout = Double(settings.dbAcquireTimeoutMilliseconds) / 1000
        database.applicationName = "invoice-master"
        pool = PostgresPool(configuration: database)
        pool.start()

        if settings.migrateOnStart {
            do {
                let applied = try MigrationRunner(pool: pool, directory: settings.migrationsDirectory).migrate()
                if !applied.isEmpty { logger.info("migrations applied", [("versions", .array(applied.map { .string($0) }))]) }
            } catch {
                pool.close()
                throw error
            }
        }

        documents = DocumentService(
            repository: PostgresDocumentRepository(pool: pool),
            cache: TTLCache(capacity: settings.cacheMaxEntries, timeToLive: settings.cacheTTLSeconds),
            listTotals: TTLCache(capacity: 1024, timeToLive: settings.listTotalTTLSeconds))

        notifier = InferenceNotifier(logger: logger, settings: settings.inference, pool: pool)

        // Each feature registers its routes here, one line per feature.
        router = Router()
        SystemRoutes.register(on: router, pool: pool, logger: logger)
        DocumentsRoutes.register(on: router, service: documents, maxBodyBytes: settings.maxBodyBytes)
        OpenAPIRoutes.register(on: router)
        InferenceRoutes.register(on: router, service: InferenceService(
            documents: documents, notifier: notifier,
            maxUploadBytes: settings.maxUploadBytes))

        var middlewares: [any Middleware] = [RequestIDMiddleware(), AccessLogMiddleware(logger: logger)]
        if settings.rateLimitEnabled {
            middlewares.append(RateLimitMiddleware(
                limiter: RateLimiter(limit: settings.rateLimitRequests, windowSeconds: settings.rateLimitWindowSeconds),
                resolver: ClientAddressResolver(trustedProxies: settings.trustedProxies)))
        }
        middlewares.append(ErrorMappingMiddleware(logger: logger, translators: [DatabaseErrorTranslation.appError]))
        let router = self.router
        chain = MiddlewareChain(middlewares, endpoint: { try router.respond(to: $0) })
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let appRequest = AppRequest(http: request)
        do {
            return try chain.respond(to: appRequest)
        } catch {
            // Unreachable: the error-mapping middleware catches everything below it.
            logger.error("error escaped the middleware chain", [("error", .string(String(reflecting: error)))])
            return .error(.internalServerError, "Internal server error")
        }
    }

    /// Only the liveness check may run on the server's I/O thread: it touches no database, and
    /// the middleware around it (request id, access log, rate limit) only takes short locks.
    /// Everything else goes to the worker threads, where waiting on PostgreSQL is fine.
    public func respondsWithoutBlocking(to request: HTTPRequest) -> Bool {
        request.method == .get && request.path == SystemRoutes.healthPath
    }

    /// The HTTP server settings that go with these application settings. The server's body
    /// limit is the largest any route accepts; routes enforce their own smaller limits.
    public var httpServerConfiguration: HTTPServerConfiguration {
        var configuration = HTTPServerConfiguration()
        configuration.host = settings.httpHost
        configuration.port = settings.httpPort
        configuration.maxBodyBytes = max(settings.maxBodyBytes, settings.maxUploadBytes)
        configuration.workerThreads = settings.httpWorkerThreads
        configuration.ioThreads = settings.httpIOThreads
        // Requests the server rejects before routing (malformed, too large, too slow) still get
        // the envelope.
        configuration.rejectionBody = { status, reason in
            RejectionBody(contentType: "application/json",
                          bytes: ApiResponse<NoData>.failure(rejectionMessage(status, reason)).encoded())
        }
        return configuration
    }

    /// Closes the pool and writes out the log. Call after the server stopped.
    public func shutdown() {
        notifier.stop()
        pool.close()
        logWriter.flush()
    }
}

/// "Bad request: header name is not a token" from the server's status and reason.
private func rejectionMessage(_ status: HTTPStatus, _ reason: String) -> String {
    reason.isEmpty ? status.reason : "\(status.reason): \(reason)"
}
