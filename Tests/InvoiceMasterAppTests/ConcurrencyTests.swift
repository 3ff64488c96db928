import Foundation
import Synchronization
import XCTest
@testable import InvoiceMasterApp

/// More concurrent clients than pooled connections: everyone waits their turn, nobody fails.
final class ConcurrencyTests: DocumentsTestCase {
    override var serverVariables: [String: String] { ["DB_POOL_MIN": "1", "DB_POOL_MAX": "2", "CACHE_MAX_ENTRIES": "0"] }

    func testManyClientsOnTwoConnections() throws {
        let id = try XCTUnwrap(string(try create(#"{"filename":"shared.pdf","labels":["a"]}"#), "id"))
        let failures = Mutex<[String]>([])
        let port = server.port
        DispatchQueue.concurrentPerform(iterations: 12) { worker in
            do {
                let client = try TestHTTPClient(port: port)
                for step in 0..<15 {
                    let response: TestResponse
                    switch step % 3 {
                    case 0: response = try client.request("GET", "/api/v1/documents/\(id)")
                    case 1: response = try client.request("GET", "/api/v1/documents?label=a")
                    default: response = try client.request("POST", "/api/v1/documents", body: #"{"filename":"w\#(worker)-\#(step).pdf","labels":["a"]}"#)
                    }
                    if !(200..<300).contains(response.status) {
                        failures.withLock { $0.append("\(response.status) \(response.text)") }
                    }
                }
            } catch {
                failures.withLock { $0.append(String(describing: error)) }
            }
        }
        XCTAssertEqual(failures.withLock { $0 }, [])
        XCTAssertLessThanOrEqual(server.pool.peakOpenConnectionCount, 2)
        XCTAssertEqual(try meta(client.request("GET", "/api/v1/documents"))["total"], .number(String(1 + 12 * 5)))
    }
}
