import Synchronization
import Foundation
import Postgres
import XCTest
@testable import InvoiceMasterApp

/// The PostgreSQL repository on its own: atomic writes even when the database rejects a value
/// the service would have refused earlier.
final class DocumentsRepositoryTests: DocumentsTestCase {
    var repository: PostgresDocumentRepository { PostgresDocumentRepository(pool: server.pool) }

    private func count(_ sql: String, _ parameters: [PostgresValue] = []) throws -> Int {
        try server.pool.withConnection { try $0.query(sql, parameters)[0].int(0) }
    }

    func testCreateWithALabelTheDatabaseRejectsMidListLeavesNoDocument() throws {
        // Bypasses the service's validation: the 65-character label fails the table's CHECK
        // after the document row and the first label were inserted.
        let document = NewDocument(filename: "atomic.pdf", labels: ["first", String(repeating: "x", count: 65), "last"])
        XCTAssertThrowsError(try repository.create(document))
        XCTAssertEqual(try count("SELECT count(*) FROM documents WHERE filename = 'atomic.pdf'"), 0)
        XCTAssertEqual(try count("SELECT count(*) FROM document_labels WHERE label = 'first'"), 0)
    }

    func testReplaceThatFailsPartWayChangesNothing() throws {
        let stored = try repository.create(NewDocument(filename: "before.pdf", status: .processed, labels: ["keep"]))
        let bad = NewDocument(filename: "after.pdf", labels: ["new", String(repeating: "y", count: 65)])
        XCTAssertThrowsError(try repository.replace(id: stored.id, with: bad))
        let reread = try XCTUnwrap(repository.find(id: stored.id))
        XCTAssertEqual(reread, stored, "the UPDATE before the failing label insert was rolled back")
    }

    func testFindBySHA256AndItsUniqueness() throws {
        let hash = String(repeating: "ab", count: 32)
        let source = DocumentSource(sha256: hash, pageCount: 2, contentType: "application/pdf")
        let stored = try repository.create(NewDocument(filename: "upload.pdf", labels: ["b", "a"], source: source))
        XCTAssertEqual(stored.labels, ["a", "b"])
        XCTAssertEqual(try repository.find(sha256: hash), stored)
        XCTAssertNil(try repository.find(sha256: String(repeating: "cd", count: 32)))
        XCTAssertThrowsError(try repository.create(NewDocument(filename: "again.pdf", source: source))) { error in
            XCTAssertEqual(DatabaseErrorTranslation.appError(for: error)?.kind, .conflict)
        }
        XCTAssertEqual(try count("SELECT page_count FROM documents WHERE id = $1", [.uuid(stored.id)]), 2)
        // Documents without a source do not collide with each other.
        try repository.create(NewDocument(filename: "plain-1.pdf"))
        try repository.create(NewDocument(filename: "plain-2.pdf"))
    }

    func testListIsOneStatementAndGetByIdIsOne() throws {
        for index in 0..<30 {
            try create(#"{"filename":"doc-\#(index).pdf","labels":["l\#(index % 3)","common"]}"#)
        }
        let before = server.pool.statementCount
        let response = try client.request("GET", "/api/v1/documents?label=common&limit=25")
        XCTAssertEqual(try listed(response).count, 25)
        XCTAssertEqual(try listed(response).allSatisfy { strings($0["labels"]).count == 2 }, true)
        XCTAssertEqual(server.pool.statementCount - before, 1, "page, labels and total in one statement")

        let empty = server.pool.statementCount
        let beyond = try client.request("GET", "/api/v1/documents?offset=1000")
        XCTAssertEqual(try listed(beyond).count, 0)
        XCTAssertEqual(try meta(beyond)["total"], .number("30"), "the total comes back with an empty page")
        XCTAssertEqual(server.pool.statementCount - empty, 1)
    }
}

final class DocumentsBatchInsertTests: DocumentsTestCase {
    func testInsertManyStoresEachDocumentWithItsLabels() throws {
        let inputs = [
            NewDocument(filename: "one.pdf", status: .processed, fields: JSONObject([("n", .number("1"))]), labels: ["b", "a"]),
            NewDocument(filename: "two.pdf", labels: []),
            NewDocument(filename: "three.pdf", labels: ["c"],
                        source: DocumentSource(sha256: String(repeating: "0", count: 64), pageCount: 3, contentType: "application/pdf")),
        ]
        let stored = try PostgresDocumentRepository.insertMany(inputs, pool: server.pool)
        XCTAssertEqual(stored.map(\.filename), ["one.pdf", "two.pdf", "three.pdf"], "results in input order")
        XCTAssertEqual(stored.map(\.labels), [["a", "b"], [], ["c"]])
        let repository = PostgresDocumentRepository(pool: server.pool)
        for document in stored { XCTAssertEqual(try repository.find(id: document.id), document) }
        XCTAssertEqual(try repository.find(sha256: String(repeating: "0", count: 64))?.id, stored[2].id)
    }

    func testConcurrentCreatesWithADuplicateHashStoreTheOthers() throws {
        let repository = PostgresDocumentRepository(pool: server.pool)
        let hash = String(repeating: "e", count: 64)
        try repository.create(NewDocument(filename: "first.pdf", source: DocumentSource(sha256: hash, pageCount: nil, contentType: nil)))
        let outcomes = Mutex<[String: Bool]>([:])
        DispatchQueue.concurrentPerform(iterations: 12) { index in
            let source = index == 5 ? DocumentSource(sha256: hash, pageCount: nil, contentType: nil) : nil
            let created = (try? repository.create(NewDocument(filename: "c\(index).pdf", labels: ["x\(index)"], source: source))) != nil
            outcomes.withLock { $0["c\(index).pdf"] = created }
        }
        let results = outcomes.withLock { $0 }
        XCTAssertEqual(results.filter { !$0.value }.map(\.key), ["c5.pdf"], "only the duplicate fails")
        XCTAssertEqual(try repository.list(DocumentListQuery(limit: 100), knownTotal: nil).total, 12)
    }
}
