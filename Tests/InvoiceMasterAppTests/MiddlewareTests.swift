import Foundation
import HTTPServer
import XCTest
@testable import InvoiceMasterApp

/// A logger whose lines land in a temporary file the test can read.
final class CapturedLog {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)").path
    let writer: LogWriter
    let fileDescriptor: Int32

    init() {
        fileDescriptor = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        writer = LogWriter(fileDescriptor: fileDescriptor)
    }

    func logger(level: LogLevel = .info, format: LogFormat = .json) -> AppLogger {
        AppLogger(level: level, format: format, writer: writer)
    }

    var lines: [String] {
        writer.flush()
        return (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    }

    deinit {
        writer.close()
        close(fileDescriptor)
        unlink(path)
    }
}

struct Boom: Error {}

final class MiddlewareTests: XCTestCase {
    private func makeChain(log: CapturedLog, format: LogFormat = .json, limit: Int = 100) -> MiddlewareChain {
        let logger = log.logger(format: format)
        let router = Router()
        router.get("/ok") { _ in ApiResponse<JSONValue>.ok(.string("fine")).httpResponse() }
        router.get("/boom") { _ in throw Boom() }
        router.get("/missing") { _ in throw AppError.notFound("Document not found: 1") }
        return MiddlewareChain([
            RequestIDMiddleware(),
            AccessLogMiddleware(logger: logger),
            RateLimitMiddleware(limiter: RateLimiter(limit: limit, windowSeconds: 60),
                                resolver: ClientAddressResolver(trustedProxies: [])),
            ErrorMappingMiddleware(logger: logger),
        ], endpoint: router.respond(to:))
    }

    private func request(_ path: String, headers: [(String, String)] = []) -> AppRequest {
        AppRequest(http: HTTPRequest(method: .get, target: path, path: path, headers: HTTPHeaders(headers),
                                     remoteAddress: "127.0.0.1"))
    }

    private func json(_ response: HTTPResponse) throws -> JSONObject {
        guard case .bytes(let bytes) = response.body else { throw Boom() }
        return try XCTUnwrap(JSONParser.parse(bytes).objectValue)
    }

    func testRequestIDIsEchoedWhenSaneAndMadeOtherwise() throws {
        let chain = makeChain(log: CapturedLog())
        let kept = try chain.respond(to: request("/ok", headers: [("X-Request-ID", "abc-123:x/y")]))
        XCTAssertEqual(kept.headers["X-Request-ID"], "abc-123:x/y")
        for bad in ["", "has space", String(repeating: "a", count: 129), "semi;colon"] {
            let made = try chain.respond(to: request("/ok", headers: [("X-Request-ID", bad)]))
            let id = try XCTUnwrap(made.headers["X-Request-ID"])
            XCTAssertNotEqual(id, bad)
            XCTAssertNotNil(UUID(uuidString: id), id)
            XCTAssertNotNil(id.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", options: .regularExpression), id)
        }
        let generator = RequestIDGenerator()
        let ids = (0..<10_000).map { _ in generator.next() }
        XCTAssertEqual(Set(ids).count, ids.count, "generated ids do not repeat")
    }

    func testErrorsBecomeEnvelopes() throws {
        let log = CapturedLog()
        let chain = makeChain(log: log)
        let missing = try chain.respond(to: request("/missing"))
        XCTAssertEqual(missing.status.code, 404)
        XCTAssertEqual(try json(missing), JSONObject([("success", .bool(false)), ("data", .null),
                                                      ("error", .string("Document not found: 1")), ("meta", .null)]))

        let boom = try chain.respond(to: request("/boom", headers: [("X-Request-ID", "req-500")]))
        XCTAssertEqual(boom.status.code, 500)
        let body = try json(boom)
        XCTAssertEqual(body["error"], .string("Internal server error"))
        XCTAssertEqual(body["meta"], .object(JSONObject([("request_id", .string("req-500"))])))
        XCTAssertEqual(boom.headers["Content-Type"], "application/json")
        XCTAssertTrue(log.lines.contains { $0.contains("\"unhandled error\"") && $0.contains("Boom") && $0.contains("req-500") },
                      "details go to the log")

        let notFound = try chain.respond(to: request("/nowhere"))
        XCTAssertEqual(notFound.status.code, 404)
        XCTAssertEqual(try json(notFound)["error"], .string("Not found: /nowhere"))
    }

    func testAccessLogLineHasEveryField() throws {
        let log = CapturedLog()
        let chain = makeChain(log: log)
        _ = try chain.respond(to: request("/missing", headers: [("X-Request-ID", "rid-1")]))
        let line = try XCTUnwrap(log.lines.last)
        let entry = try XCTUnwrap(JSONParser.parse(line).objectValue)
        XCTAssertEqual(entry.members.map(\.name),
                       ["timestamp", "level", "request_id", "method", "path", "status", "duration_ms", "remote"])
        XCTAssertEqual(entry["request_id"], .string("rid-1"))
        XCTAssertEqual(entry["status"], .number("404"))
        XCTAssertEqual(entry["path"], .string("/missing"))
        XCTAssertEqual(entry["remote"], .string("127.0.0.1"))
        guard case .string(let timestamp) = entry["timestamp"] else { return XCTFail("timestamp") }
        XCTAssertNotNil(timestamp.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression), timestamp)
    }

    func testTextAccessLog() throws {
        let log = CapturedLog()
        _ = try makeChain(log: log, format: .text).respond(to: request("/ok", headers: [("X-Request-ID", "rid-2")]))
        let fields = try XCTUnwrap(log.lines.last).split(separator: " ").map(String.init)
        XCTAssertEqual(Array(fields.dropFirst()).count, 7)
        XCTAssertEqual(fields[1...4], ["INFO", "rid-2", "GET", "/ok"])
        XCTAssertEqual(fields[5], "200")
        XCTAssertEqual(fields[7], "127.0.0.1")
    }

    func testRateLimitHeadersOnEveryResponseAnd429() throws {
        let chain = makeChain(log: CapturedLog(), limit: 2)
        let first = try chain.respond(to: request("/ok"))
        XCTAssertEqual(first.headers["X-RateLimit-Limit"], "2")
        XCTAssertEqual(first.headers["X-RateLimit-Remaining"], "1")
        XCTAssertEqual(first.headers["X-RateLimit-Reset"], "30")
        let second = try chain.respond(to: request("/missing"))
        XCTAssertEqual(second.status.code, 404)
        XCTAssertEqual(second.headers["X-RateLimit-Remaining"], "0")
        let refused = try chain.respond(to: request("/ok"))
        XCTAssertEqual(refused.status.code, 429)
        XCTAssertEqual(refused.headers["Retry-After"], "30")
        XCTAssertEqual(refused.headers["X-RateLimit-Remaining"], "0")
        XCTAssertNotNil(refused.headers["X-Request-ID"], "the request id wraps the rate limit")
        let body = try json(refused)
        XCTAssertEqual(body["error"], .string("Rate limit exceeded"))
        XCTAssertEqual(body["success"], .bool(false))
    }
}
