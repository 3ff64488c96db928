#if canImport(Glibc)
import Glibc
#endif
import HTTPServer
import InvoiceMasterApp

/// `invoice-master serve`: settings from the environment (then `.env`), migrations unless
/// MIGRATE_ON_START=false, then HTTP on HTTP_HOST:HTTP_PORT until SIGTERM or SIGINT; shuts down
/// gracefully and exits 0. Invalid settings exit 2 with a message naming the variable.
func runServeCommand(_ arguments: [String]) -> Int32 {
    guard let settings = loadSettings(command: "serve", arguments: arguments) else { return 2 }

    let application: Application
    do {
        application = try Application(settings: settings)
    } catch {
        fputs("invoice-master: cannot start: \(error)\n", stderr)
        return 1
    }

    let server = HTTPServer(configuration: application.httpServerConfiguration, responder: application)
    do {
        try server.start()
    } catch {
        fputs("invoice-master: cannot listen on \(settings.httpHost):\(settings.httpPort): \(error)\n", stderr)
        application.shutdown()
        return 1
    }
    server.shutdownOnSignals()
    application.logger.info("serving", [
        ("address", .string("http://\(settings.httpHost):\(server.port)")),
        ("pool", .array([.number(String(settings.dbPoolMin)), .number(String(settings.dbPoolMax))])),
        ("rate_limit", .number(String(settings.rateLimitRequests))),
        ("cache_entries", .number(String(settings.cacheEnabled ? settings.cacheMaxEntries : 0))),
    ])
    server.waitUntilStopped()
    application.logger.info("stopped")
    application.shutdown()
    return 0
}
