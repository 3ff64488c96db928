#if canImport(Glibc)
import Glibc
#endif
import HTTPServer

/// `invoice-master serve`: listens on HTTP_HOST:HTTP_PORT (environment, then `.env`, else
/// 127.0.0.1:8080) until SIGTERM or SIGINT, then shuts down gracefully and exits 0.
func runServeCommand(_ arguments: [String]) -> Int32 {
    var configuration = HTTPServerConfiguration()
    let settings = ServeSettings()
    configuration.host = settings.value("HTTP_HOST") ?? "127.0.0.1"
    if let portText = settings.value("HTTP_PORT") {
        guard let port = Int(portText), (0...65535).contains(port) else {
            fputs("invoice-master: HTTP_PORT '\(portText)' is not a port number\n", stderr)
            return 2
        }
        configuration.port = port
    }

    let server = HTTPServer(configuration: configuration, responder: HealthResponder())
    do {
        try server.start()
    } catch {
        fputs("invoice-master: \(error)\n", stderr)
        return 1
    }
    server.shutdownOnSignals()
    print("invoice-master: serving on http://\(configuration.host):\(server.port)")
    fflush(stdout)
    server.waitUntilStopped()
    print("invoice-master: stopped")
    return 0
}

/// Answers `GET /api/v1/health`; everything else is 404. Stands in until the application's
/// router takes over.
struct HealthResponder: HTTPResponder {
    static let healthy = HTTPResponse(
        status: .ok, headers: HTTPHeaders([("Content-Type", "application/json")]),
        body: Array(#"{"success":true,"data":{"status":"ok"},"error":null,"meta":null}"#.utf8))
    static let notFound = HTTPResponse(status: .notFound)

    func respond(to request: HTTPRequest) -> HTTPResponse {
        request.path == "/api/v1/health" && (request.method == .get || request.method == .head) ? Self.healthy : Self.notFound
    }

    func respondsWithoutBlocking(to request: HTTPRequest) -> Bool { true }
}

/// Settings from the environment, falling back to `KEY=VALUE` lines of `./.env`.
struct ServeSettings {
    private var dotEnv: [String: String] = [:]

    init(path: String = ".env") {
        guard let file = fopen(path, "r") else { return }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        while getline(&line, &capacity, file) > 0 {
            let text = String(cString: line!).trimmingWhitespace()
            guard !text.hasPrefix("#"), let equals = text.firstIndex(of: "=") else { continue }
            var key = String(text[..<equals]).trimmingWhitespace()
            if key.hasPrefix("export ") { key = String(key.dropFirst(7)).trimmingWhitespace() }
            var value = String(text[text.index(after: equals)...]).trimmingWhitespace()
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            dotEnv[key] = value
        }
        free(line)
    }

    func value(_ key: String) -> String? {
        if let raw = getenv(key) { return String(cString: raw) }
        return dotEnv[key]
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
