import Foundation
import Postgres
import XCTest
@testable import InvoiceMasterApp

final class DocumentsCacheTests: DocumentsTestCase {
    private func setFilenameBehindTheAPI(_ id: String, _ filename: String) throws {
        try server.pool.withConnection {
            try $0.query("UPDATE documents SET filename = $2 WHERE id = $1", [.uuid(UUID(uuidString: id)!), .text(filename)])
        }
    }

    private func filename(_ id: String) throws -> String? {
        string(try XCTUnwrap(client.request("GET", "/api/v1/documents/\(id)").data().objectValue), "filename")
    }

    func testGetByIdIsCachedAndWritesInvalidate() throws {
        let id = try XCTUnwrap(string(try create(#"{"filename":"v1.pdf"}"#), "id"))
        var before = server.pool.statementCount
        XCTAssertEqual(try filename(id), "v1.pdf")
        XCTAssertEqual(server.pool.statementCount - before, 1, "a miss reads the database once")
        before = server.pool.statementCount
        XCTAssertEqual(try filename(id), "v1.pdf")
        XCTAssertEqual(server.pool.statementCount, before, "a hit does not touch the database")

        // A change behind the API's back stays invisible while cached: the cache is really used.
        try setFilenameBehindTheAPI(id, "sneaky.pdf")
        XCTAssertEqual(try filename(id), "v1.pdf")

        // Each write through the API invalidates.
        XCTAssertEqual(try client.request("PATCH", "/api/v1/documents/\(id)", body: #"{"status":"failed"}"#).status, 200)
        XCTAssertEqual(try filename(id), "sneaky.pdf")
        try setFilenameBehindTheAPI(id, "v2.pdf")
        XCTAssertEqual(try client.request("PUT", "/api/v1/documents/\(id)", body: #"{"filename":"v3.pdf"}"#).status, 200)
        XCTAssertEqual(try filename(id), "v3.pdf")
        XCTAssertEqual(try client.request("DELETE", "/api/v1/documents/\(id)").status, 200)
        XCTAssertEqual(try client.request("GET", "/api/v1/documents/\(id)").status, 404)
    }

    func testFailedWriteStillInvalidates() throws {
        let id = try XCTUnwrap(string(try create(#"{"filename":"v1.pdf"}"#), "id"))
        XCTAssertEqual(try filename(id), "v1.pdf")
        try server.pool.withConnection { try $0.query("DELETE FROM documents WHERE id = $1", [.uuid(UUID(uuidString: id)!)]) }
        XCTAssertEqual(try client.request("PATCH", "/api/v1/documents/\(id)", body: #"{"status":"failed"}"#).status, 404)
        XCTAssertEqual(try client.request("GET", "/api/v1/documents/\(id)").status, 404)
    }
}

final class DocumentsCacheDisabledTests: DocumentsTestCase {
    override var serverVariables: [String: String] { ["CACHE_MAX_ENTRIES": "0"] }

    func testEveryGetReadsTheDatabase() throws {
        let id = try XCTUnwrap(string(try create(#"{"filename":"v1.pdf"}"#), "id"))
        let before = server.pool.statementCount
        for _ in 0..<3 { XCTAssertEqual(try client.request("GET", "/api/v1/documents/\(id)").status, 200) }
        XCTAssertEqual(server.pool.statementCount - before, 3)
    }
}

final class ListTotalReuseTests: DocumentsTestCase {
    override var serverVariables: [String: String] { ["LIST_TOTAL_TTL_SECONDS": "3600"] }

    private func total(_ query: String) throws -> JSONValue? {
        try meta(client.request("GET", "/api/v1/documents\(query)"))["total"]
    }

    func testTotalsAreReusedUntilAWriteInThisProcess() throws {
        try create(#"{"filename":"a.pdf","labels":["t"]}"#)
        XCTAssertEqual(try total("?label=t"), .number("1"))
        var before = server.pool.statementCount
        XCTAssertEqual(try total("?label=t"), .number("1"))
        XCTAssertEqual(server.pool.statementCount - before, 1, "the page is still read, the count is not repeated")

        // A row added behind the API's back is listed at once, though the reused total lags.
        try server.pool.withConnection { connection in
            try connection.query("""
                WITH d AS (INSERT INTO documents (filename) VALUES ('behind.pdf') RETURNING id)
                INSERT INTO document_labels SELECT id, 't' FROM d
                """)
        }
        let response = try client.request("GET", "/api/v1/documents?label=t")
        XCTAssertEqual(try listed(response).count, 2)
        XCTAssertEqual(try meta(response)["total"], .number("1"))

        // Any write through the API recounts every filter.
        let id = try XCTUnwrap(string(try create(#"{"filename":"c.pdf"}"#), "id"))
        XCTAssertEqual(try total("?label=t"), .number("2"))
        XCTAssertEqual(try total(""), .number("3"))
        XCTAssertEqual(try client.request("PATCH", "/api/v1/documents/\(id)", body: #"{"labels":["t"]}"#).status, 200)
        XCTAssertEqual(try total("?label=t"), .number("3"))
        XCTAssertEqual(try client.request("DELETE", "/api/v1/documents/\(id)").status, 200)
        before = server.pool.statementCount
        XCTAssertEqual(try total("?label=t"), .number("2"))
        XCTAssertEqual(server.pool.statementCount - before, 1)
    }
}
