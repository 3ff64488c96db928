import Foundation
import XCTest
@testable import InvoiceMasterApp

/// Base for tests against the running application: a server per test on an emptied database.
class DocumentsTestCase: XCTestCase {
    var server: TestServer!
    var client: TestHTTPClient!

    /// Settings for this test class's server (override to change them).
    var serverVariables: [String: String] { [:] }

    override func setUpWithError() throws {
        server = try TestServer(serverVariables)
        try server.truncate()
        client = try server.client()
    }

    override func tearDown() {
        client = nil
        server?.stop()
        server = nil
    }

    /// POSTs a document and returns its `data`.
    @discardableResult
    func create(_ body: String, file: StaticString = #filePath, line: UInt = #line) throws -> JSONObject {
        let response = try client.request("POST", "/api/v1/documents", body: body)
        XCTAssertEqual(response.status, 201, response.text, file: file, line: line)
        return try XCTUnwrap(response.data().objectValue, file: file, line: line)
    }

    func string(_ object: JSONObject, _ name: String) -> String? {
        if case .string(let text) = object[name] { return text }
        return nil
    }

    func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items) = value else { return [] }
        return items.compactMap { if case .string(let text) = $0 { return text } else { return nil } }
    }

    /// The documents of a list response, in order.
    func listed(_ response: TestResponse, file: StaticString = #filePath, line: UInt = #line) throws -> [JSONObject] {
        XCTAssertEqual(response.status, 200, response.text, file: file, line: line)
        guard case .array(let items) = try response.data() else { throw TestFailure("data is not an array: \(response.text)") }
        return items.compactMap(\.objectValue)
    }

    func meta(_ response: TestResponse) throws -> JSONObject {
        try XCTUnwrap(response.json()["meta"]?.objectValue)
    }

    /// Asserts the response is an error envelope with this status (and message, when given).
    func assertError(_ response: TestResponse, _ status: Int, _ message: String? = nil, contains fragment: String? = nil,
                     file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(response.status, status, response.text, file: file, line: line)
        let body = try response.json(file: file, line: line)
        XCTAssertEqual(body.members.map(\.name), ["success", "data", "error", "meta"], file: file, line: line)
        XCTAssertEqual(body["success"], .bool(false), file: file, line: line)
        XCTAssertEqual(body["data"], .null, file: file, line: line)
        XCTAssertEqual(response.header("Content-Type"), "application/json", file: file, line: line)
        XCTAssertNotNil(response.header("X-Request-ID"), file: file, line: line)
        let error = try response.error()
        if let message { XCTAssertEqual(error, message, file: file, line: line) }
        if let fragment { XCTAssertTrue(error?.contains(fragment) == true, "\(error ?? "nil") lacks \(fragment)", file: file, line: line) }
    }
}
