import HTTPServer
import XCTest
@testable import InvoiceMasterApp

final class SystemRoutesTests: DocumentsTestCase {
    func testHealthAndReady() throws {
        let health = try client.request("GET", "/api/v1/health")
        XCTAssertEqual(health.text, #"{"success":true,"data":{"status":"ok"},"error":null,"meta":null}"#)
        let ready = try client.request("GET", "/api/v1/ready")
        XCTAssertEqual(ready.status, 200)
        XCTAssertEqual(try ready.data().objectValue?["status"], .string("ready"))
    }

    func testOnlyHealthMayRunOnTheIOThread() {
        func request(_ method: HTTPMethod, _ path: String) -> HTTPRequest { HTTPRequest(method: method, target: path, path: path) }
        XCTAssertTrue(server.application.respondsWithoutBlocking(to: request(.get, "/api/v1/health")))
        XCTAssertFalse(server.application.respondsWithoutBlocking(to: request(.get, "/api/v1/ready")))
        XCTAssertFalse(server.application.respondsWithoutBlocking(to: request(.get, "/api/v1/documents")))
        XCTAssertFalse(server.application.respondsWithoutBlocking(to: request(.post, "/api/v1/health")))
    }

    func testOpenAPIDescribesEveryRoute() throws {
        let response = try client.request("GET", "/api/v1/openapi.json")
        XCTAssertEqual(response.status, 200)
        let document = try response.json()
        XCTAssertEqual(document["openapi"], .string("3.1.0"))
        let paths = try XCTUnwrap(document["paths"]?.objectValue)
        for route in server.application.router.registeredRoutes {
            let operation = paths[route.pattern]?.objectValue?[route.method.rawValue.lowercased()]?.objectValue
            XCTAssertNotNil(operation, "\(route.method) \(route.pattern) is not in the OpenAPI document")
        }
        XCTAssertEqual(paths.count, Set(server.application.router.registeredRoutes.map(\.pattern)).count,
                       "no paths the server does not serve")
    }
}
