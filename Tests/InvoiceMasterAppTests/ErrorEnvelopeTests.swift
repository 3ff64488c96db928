import XCTest
@testable import InvoiceMasterApp

/// Every error path answers with the envelope, the right status and a useful message.
final class ErrorEnvelopeTests: DocumentsTestCase {
    override var serverVariables: [String: String] { ["MAX_BODY_BYTES": "200"] }

    func testBodyErrors() throws {
        let post = { (body: String) in try self.client.request("POST", "/api/v1/documents", body: body) }
        try assertError(try post("{not json"), 400, "Invalid JSON: expected a member name in double quotes (at byte 1)")
        try assertError(try post("[1]"), 400, "Request body must be a JSON object")
        try assertError(try post(""), 400, contains: "Invalid JSON")
        try assertError(try post(#"{"status":"pending"}"#), 400, contains: "filename")
        try assertError(try post(#"{"filename":7}"#), 400, "Invalid body: filename: expected a string, got a number")
        try assertError(try post(#"{"filename":"x","labels":"nope"}"#), 400, contains: "labels")
        try assertError(try post(#"{"filename":"x","labels":[1]}"#), 400, contains: "labels[0]")
        try assertError(try post(#"{"filename":"x","status":"review"}"#), 400,
                        "Invalid body: status: expected one of pending, processing, processed, failed")
        try assertError(try post(#"{"filename":"x","fields":[]}"#), 400, "Invalid body: fields: expected an object, got an array")
        try assertError(try post(#"{"filename":"x","fields":null}"#), 400, contains: "fields")
        try assertError(try post(#"{"filename":"\#(String(repeating: "x", count: 250))"}"#), 413, "Request body larger than 200 bytes")
        try assertError(try client.request("POST", "/api/v1/documents", body: #"{"filename":"x"}"#, contentType: "text/plain"), 415,
                        "Unsupported Content-Type 'text/plain': expected application/json")
        try assertError(try client.request("POST", "/api/v1/documents", body: #"{"filename":"x"}"#, contentType: nil), 415,
                        "Unsupported Content-Type none: expected application/json")
    }

    func testPatchErrors() throws {
        let id = try XCTUnwrap(string(try create(#"{"filename":"p.pdf"}"#), "id"))
        try assertError(try client.request("PATCH", "/api/v1/documents/\(id)", body: "{}"), 400,
                        "Invalid body: no members to change (give filename, status, fields or labels)")
        try assertError(try client.request("PATCH", "/api/v1/documents/\(id)", body: #"{"status":null,"labels":null}"#), 400,
                        "Invalid body: members may not be null: status, labels")
    }

    func testRequestsTheServerRejectsBeforeRoutingStillGetTheEnvelope() throws {
        // A header name with a space never reaches the router: the HTTP server answers it.
        let response = try client.request("GET", "/api/v1/health", headers: [("Bad Name", "x")])
        XCTAssertEqual(response.status, 400)
        let body = try response.json()
        XCTAssertEqual(body.members.map(\.name), ["success", "data", "error", "meta"])
        XCTAssertEqual(body["success"], .bool(false))
        XCTAssertEqual(body["data"], .null)
        XCTAssertEqual(response.header("Content-Type"), "application/json")
        let error = try XCTUnwrap(try response.error())
        XCTAssertTrue(error.hasPrefix("Bad Request: "), error)
        XCTAssertEqual(response.header("Connection"), "close")
    }

    func testRoutingErrors() throws {
        try assertError(try client.request("GET", "/api/v1/nope"), 404, "Not found: /api/v1/nope")
        try assertError(try client.request("GET", "/api/v1/documents/"), 404, "Not found: /api/v1/documents/")
        let wrongMethod = try client.request("DELETE", "/api/v1/documents")
        try assertError(wrongMethod, 405, "Method DELETE not allowed on /api/v1/documents; allowed: GET, POST")
        XCTAssertEqual(wrongMethod.header("Allow"), "GET, POST")
        let head = try client.request("HEAD", "/api/v1/documents/00000000-0000-4000-8000-000000000000")
        XCTAssertEqual(head.status, 405)
        XCTAssertEqual(head.header("Allow"), "DELETE, GET, PATCH, PUT")
        try assertError(try client.request("GET", "/api/v1/documents/not-a-uuid"), 400,
                        "Invalid path parameter 'id': expected a UUID, got \"not-a-uuid\"")
        try assertError(try client.request("GET", "/api/v1/documents/00000000-0000-4000-8000-000000000000"), 404,
                        "Document not found: 00000000-0000-4000-8000-000000000000")
    }

    func testRequestIDIsEchoedOnErrorsToo() throws {
        let response = try client.request("GET", "/api/v1/nope", headers: [("X-Request-ID", "trace-42")])
        XCTAssertEqual(response.header("X-Request-ID"), "trace-42")
        XCTAssertTrue(server.log.lines.contains { $0.contains("\"request_id\":\"trace-42\"") && $0.contains("\"status\":404") })
    }
}
