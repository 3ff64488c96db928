import Foundation
import Postgres
import XCTest
@testable import InvoiceMasterApp

final class DocumentsListTests: DocumentsTestCase {
    /// Eight documents with known statuses, labels, filenames and timestamps (set directly, so
    /// the order does not depend on insert timing). Returns ids by filename.
    @discardableResult
    private func seed() throws -> [String: String] {
        let rows: [(String, String, [String], Int, Int)] = [  // filename, status, labels, created, updated (minutes)
            ("b.pdf", "pending", ["x"], 1, 50),
            ("a.pdf", "processed", ["x", "y"], 2, 40),
            ("d.pdf", "failed", [], 3, 30),
            ("c.pdf", "processed", ["y"], 4, 20),
            ("same.pdf", "processing", ["x"], 5, 10),
            ("same.pdf", "processing", ["x"], 5, 10),
            ("e.pdf", "processed", ["x"], 7, 5),
            ("f.pdf", "pending", [], 8, 1),
        ]
        var ids: [String: String] = [:]
        for (filename, status, labels, created, updated) in rows {
            let labelList = labels.map { "\"\($0)\"" }.joined(separator: ",")
            let id = try XCTUnwrap(string(try create(#"{"filename":"\#(filename)","status":"\#(status)","labels":[\#(labelList)]}"#), "id"))
            try server.pool.withConnection { connection in
                try connection.query("""
                    UPDATE documents SET created_at = TIMESTAMPTZ '2024-01-01 00:00:00Z' + make_interval(mins => $2::int),
                                         updated_at = TIMESTAMPTZ '2024-01-01 00:00:00Z' + make_interval(mins => $3::int)
                    WHERE id = $1
                    """, [.uuid(UUID(uuidString: id)!), .int(created), .int(updated)])
            }
            ids[filename] = id
        }
        return ids
    }

    private func list(_ query: String) throws -> [JSONObject] {
        try listed(client.request("GET", "/api/v1/documents\(query)"))
    }

    private func filenames(_ query: String) throws -> [String] { try list(query).compactMap { string($0, "filename") } }

    func testDefaultOrderIsNewestFirstWithMeta() throws {
        try seed()
        let response = try client.request("GET", "/api/v1/documents")
        XCTAssertEqual(try listed(response).compactMap { string($0, "filename") },
                       ["f.pdf", "e.pdf", "same.pdf", "same.pdf", "c.pdf", "d.pdf", "a.pdf", "b.pdf"])
        XCTAssertEqual(try meta(response), JSONObject([("total", .number("8")), ("limit", .number("20")), ("offset", .number("0"))]))
        XCTAssertEqual(try list("").first?["created_at"], .string("2024-01-01T00:08:00.000000Z"), "UTC with microseconds")
    }

    func testEverySortBothWaysWithIdTieBreak() throws {
        try seed()
        for field in DocumentSortField.allCases {
            for descending in [false, true] {
                let documents = try list("?sort=\(descending ? "-" : "")\(field.rawValue)")
                XCTAssertEqual(documents.count, 8)
                let keys = documents.map { (string($0, field.rawValue)!, string($0, "id")!) }
                let expected = keys.sorted { a, b in
                    let ordered = a.0 != b.0 ? a.0.utf8.lexicographicallyPrecedes(b.0.utf8) : a.1 < b.1
                    return descending ? !ordered : ordered
                }
                XCTAssertTrue(keys.elementsEqual(expected, by: ==), "sort=\(descending ? "-" : "")\(field.rawValue): \(keys)")
            }
        }
    }

    func testFilters() throws {
        try seed()
        XCTAssertEqual(try filenames("?status=processed&sort=filename"), ["a.pdf", "c.pdf", "e.pdf"])
        XCTAssertEqual(try filenames("?label=y&sort=filename"), ["a.pdf", "c.pdf"])
        XCTAssertEqual(try filenames("?label=x&status=processed&sort=filename"), ["a.pdf", "e.pdf"])
        XCTAssertEqual(try filenames("?label=none"), [])
        XCTAssertEqual(try list("?label=y").map { strings($0["labels"]) }.sorted { $0.count < $1.count }, [["y"], ["x", "y"]],
                       "the filter selects documents; each comes back with all its labels")
        let filtered = try client.request("GET", "/api/v1/documents?status=pending&limit=1")
        XCTAssertEqual(try meta(filtered)["total"], .number("2"), "the total counts the filtered set, not the page")
    }

    func testPagination() throws {
        try seed()
        let all = try list("?sort=created_at&limit=100").compactMap { string($0, "id") }
        var paged: [String] = []
        for offset in stride(from: 0, to: 8, by: 3) {
            let response = try client.request("GET", "/api/v1/documents?sort=created_at&limit=3&offset=\(offset)")
            XCTAssertEqual(try meta(response)["offset"], .number(String(offset)))
            XCTAssertEqual(try meta(response)["limit"], .number("3"))
            paged += try listed(response).compactMap { string($0, "id") }
        }
        XCTAssertEqual(paged, all, "pages cover the set once, in order")
        XCTAssertEqual(try list("?limit=1").count, 1)
        XCTAssertEqual(try list("?limit=100").count, 8)
        XCTAssertEqual(try list("?offset=9223372036854775807").count, 0)
    }

    /// Pages past the statement's 100-row id window, each shape run more than five times so
    /// PostgreSQL switches to the generic plan where it will: every page still matches the
    /// order PostgreSQL gives the whole filtered set, ties (same created_at) included.
    func testPagesBeyondTheIdWindowMatchTheFullOrderingUnderRepeatedExecution() throws {
        try server.pool.withConnection { connection in
            try connection.execute("""
                INSERT INTO documents (filename, status, created_at, updated_at)
                SELECT 'doc-' || g || '.pdf', (ARRAY['pending', 'processed', 'failed', 'processing'])[1 + g % 4],
                       TIMESTAMPTZ '2024-01-01 00:00:00Z' + make_interval(mins => g / 2),
                       TIMESTAMPTZ '2024-01-01 00:00:00Z' + make_interval(mins => g / 3)
                FROM generate_series(1, 230) g;
                INSERT INTO document_labels (document_id, label) SELECT id, 'x' FROM documents WHERE random() < 0.6;
                """)
        }
        let shapes: [(query: String, filter: String)] = [
            ("", "true"),
            ("status=processed&", "status = 'processed'"),
            ("label=x&", "EXISTS (SELECT 1 FROM document_labels l WHERE l.document_id = documents.id AND l.label = 'x')"),
            ("status=pending&label=x&", "status = 'pending' AND EXISTS (SELECT 1 FROM document_labels l WHERE l.document_id = documents.id AND l.label = 'x')"),
        ]
        for (query, filter) in shapes {
            for sort in ["-created_at", "updated_at"] {
                let order = sort.hasPrefix("-") ? "created_at DESC, id DESC" : "updated_at ASC, id ASC"
                let expected = try server.pool.withConnection { connection in
                    try connection.execute("SELECT id FROM documents WHERE \(filter) ORDER BY \(order)").map { try $0.uuid(0).uuidString.lowercased() }
                }
                XCTAssertGreaterThan(expected.count, 30, query)
                for _ in 0..<2 {
                    var paged: [String] = []
                    for offset in stride(from: 0, to: expected.count + 30, by: 30) {
                        paged += try list("?\(query)sort=\(sort)&limit=30&offset=\(offset)").compactMap { string($0, "id") }
                    }
                    XCTAssertEqual(paged, expected, "\(query)sort=\(sort)")
                }
                XCTAssertEqual(try list("?\(query)sort=\(sort)&limit=100&offset=\(expected.count - 5)").count, 5)
            }
        }
    }

    func testInvalidParametersAreNamed() throws {
        let cases: [(String, String)] = [
            ("limit=0", "limit"), ("limit=101", "limit"), ("limit=abc", "limit"), ("limit=", "limit"),
            ("offset=-1", "offset"), ("offset=9223372036854775808", "offset"), ("offset=1.5", "offset"),
            ("sort=bogus", "sort"), ("sort=-fields", "sort"), ("sort=--created_at", "sort"),
            ("status=bogus", "status"), ("status=", "status"), ("label=", "label"),
            ("label=" + String(repeating: "a", count: 65), "label"),
        ]
        for (query, name) in cases {
            try assertError(try client.request("GET", "/api/v1/documents?\(query)"), 400, contains: "'\(name)'")
        }
        try assertError(try client.request("GET", "/api/v1/documents?limit=101"), 400,
                        "Invalid query parameter 'limit': expected an integer from 1 to 100, got \"101\"")
    }
}
