import HTTPServer
import XCTest
@testable import InvoiceMasterApp

final class RouterTests: XCTestCase {
    private func makeRouter() -> Router {
        let router = Router()
        router.get("/api/v1/items") { _ in HTTPResponse(status: .ok, body: Array("list".utf8)) }
        router.add(.post, "/api/v1/items", body: .json(maxBytes: 10)) { request in
            HTTPResponse(status: .created, body: request.body)
        }
        router.get("/api/v1/items/{id}") { request in
            HTTPResponse(status: .ok, body: Array("item \(request.pathParameter("id")!)".utf8))
        }
        router.add(.delete, "/api/v1/items/{id}") { _ in HTTPResponse(status: .ok) }
        router.get("/api/v1/items/special") { _ in HTTPResponse(status: .ok, body: Array("special".utf8)) }
        return router
    }

    private func request(_ method: HTTPMethod, _ path: String, body: String = "",
                         contentType: String? = nil) -> AppRequest {
        var headers = HTTPHeaders()
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        return AppRequest(http: HTTPRequest(method: method, target: path, path: path, headers: headers,
                                            body: Array(body.utf8), remoteAddress: "127.0.0.1"))
    }

    private func text(_ response: HTTPResponse) -> String {
        guard case .bytes(let bytes) = response.body else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appError(_ body: () throws -> Void) -> AppError? {
        do { try body(); return nil } catch { return error as? AppError }
    }

    func testMatchesLiteralsAndParameters() throws {
        let router = makeRouter()
        XCTAssertEqual(text(try router.respond(to: request(.get, "/api/v1/items"))), "list")
        XCTAssertEqual(text(try router.respond(to: request(.get, "/api/v1/items/42"))), "item 42")
        XCTAssertEqual(text(try router.respond(to: request(.get, "/api/v1/items/special"))), "special",
                       "a literal segment wins over a parameter, whatever the registration order")
    }

    func testUnknownPathIs404WithThePath() {
        let router = makeRouter()
        for path in ["/nope", "/api/v1/items/", "/api/v1/items/1/extra", "/api/v1//items"] {
            let error = appError { _ = try router.respond(to: request(.get, path)) }
            XCTAssertEqual(error?.kind, .notFound, path)
            XCTAssertEqual(error?.message, "Not found: \(path)")
        }
    }

    func testKnownPathWrongMethodIs405WithEveryMethodOfThatPath() {
        let router = makeRouter()
        let error = appError { _ = try router.respond(to: request(.put, "/api/v1/items/7")) }
        XCTAssertEqual(error?.kind, .methodNotAllowed)
        XCTAssertEqual(error?.headers.first { $0.name == "Allow" }?.value, "DELETE, GET")
        let head = appError { _ = try router.respond(to: request(.head, "/api/v1/items")) }
        XCTAssertEqual(head?.kind, .methodNotAllowed, "HEAD is not routed implicitly")
        XCTAssertEqual(head?.headers.first { $0.name == "Allow" }?.value, "GET, POST")
    }

    func testJSONBodyPolicy() throws {
        let router = makeRouter()
        XCTAssertEqual(try router.respond(to: request(.post, "/api/v1/items", body: "{}", contentType: "application/json")).status, .created)
        XCTAssertEqual(try router.respond(to: request(.post, "/api/v1/items", body: "{}",
                                                      contentType: "application/merge-patch+json; charset=utf-8")).status, .created)
        for contentType in [nil, "text/plain", "application/xml", "multipart/form-data"] as [String?] {
            let error = appError { _ = try router.respond(to: request(.post, "/api/v1/items", body: "{}", contentType: contentType)) }
            XCTAssertEqual(error?.kind, .unsupportedMediaType, contentType ?? "none")
        }
        let tooLarge = appError {
            _ = try router.respond(to: request(.post, "/api/v1/items", body: "{\"a\":\"12345\"}", contentType: "application/json"))
        }
        XCTAssertEqual(tooLarge?.kind, .payloadTooLarge)
        XCTAssertEqual(tooLarge?.message, "Request body larger than 10 bytes")
    }
}
