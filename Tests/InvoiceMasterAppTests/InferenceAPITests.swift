import Foundation
import Postgres
import XCTest
@testable import InvoiceMasterApp

/// `POST /api/v1/infer` end to end: real server, real PostgreSQL, PDFs made by the tests.
final class InferenceAPITests: XCTestCase {
    private var server: TestServer!

    override func setUpWithError() throws {
        server = try TestServer()
        try server.truncate()
    }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    // MARK: Successful uploads

    func testMultipartUploadStoresAProcessedDocument() throws {
        let pdf = InferenceTestPDFs.invoice()
        let response = try InferenceUploader.multipart(pdf, filename: "scans/2024/northwind-0042.pdf", port: server.port)
        XCTAssertEqual(response.status, 200, response.text)
        let data = try XCTUnwrap(response.data().objectValue)
        XCTAssertEqual(data.members.map(\.name),
                       ["document_id", "filename", "pages", "fields", "processing_ms", "duplicate"])
        let id = try XCTUnwrap(string(data["document_id"]).flatMap(UUID.init(uuidString:)))
        XCTAssertEqual(string(data["filename"]), "northwind-0042.pdf")
        XCTAssertEqual(data["pages"], .number("1"))
        XCTAssertEqual(data["duplicate"], .bool(false))
        guard case .number(let milliseconds) = data["processing_ms"] else { return XCTFail("processing_ms: \(response.text)") }
        XCTAssertGreaterThan(try XCTUnwrap(Double(milliseconds)), 0)

        let fields = try XCTUnwrap(data["fields"]?.objectValue)
        XCTAssertEqual(value(fields, "InvoiceNumber"), "INV-2024-0042")
        XCTAssertEqual(value(fields, "TotalAmount"), "120.00")
        XCTAssertEqual(value(fields, "IBAN"), "GB29NWBK60161331926819")
        for (name, field) in fields.members {
            let field = try XCTUnwrap(field.objectValue, name)
            XCTAssertEqual(field.members.map(\.name), ["value", "confidence", "page", "bbox", "raw"], name)
            let confidence = try XCTUnwrap(number(field["confidence"]), name)
            XCTAssertTrue((0.5...1).contains(confidence), "\(name) confidence \(confidence)")
            XCTAssertEqual(field["page"], .number("1"), name)
            guard case .array(let box) = field["bbox"], box.count == 4 else { return XCTFail("\(name) bbox") }
            let corners = box.compactMap(number)
            XCTAssertEqual(corners.count, 4)
            XCTAssertTrue(corners[0] <= corners[2] && corners[1] <= corners[3], "\(name) bbox \(corners)")
        }

        let row = try storedRow(id)
        XCTAssertEqual(try row.string("status"), "processed")
        XCTAssertEqual(try row.string("filename"), "northwind-0042.pdf")
        XCTAssertEqual(try row.int("page_count"), 1)
        XCTAssertEqual(try row.string("content_type"), "application/pdf")
        XCTAssertEqual(try row.string("sha256"), try serverComputedSHA256(pdf))
        let stored = try XCTUnwrap(JSONParser.parse(try row.string("fields")).objectValue)
        XCTAssertEqual(Set(stored.members.map(\.name)), Set(fields.members.map(\.name)), "fields jsonb holds name → value")
        for (name, storedValue) in stored.members { XCTAssertEqual(storedValue, .string(value(fields, name) ?? "?"), name) }

        let client = try server.client()
        let fetched = try client.request("GET", "/api/v1/documents/\(id.uuidString.lowercased())")
        XCTAssertEqual(fetched.status, 200, fetched.text)
        XCTAssertEqual(string(try fetched.data().objectValue?["status"]), "processed")
    }

    func testRawPDFUpload() throws {
        let pdf = InferenceTestPDFs.invoice()
        let response = try InferenceUploader.raw(pdf, query: "filename=raw%20upload.pdf&confidence_threshold=0.5",
                                                 port: server.port)
        XCTAssertEqual(response.status, 200, response.text)
        let data = try XCTUnwrap(response.data().objectValue)
        XCTAssertEqual(string(data["filename"]), "raw upload.pdf")
        XCTAssertEqual(value(try XCTUnwrap(data["fields"]?.objectValue), "InvoiceNumber"), "INV-2024-0042")
        XCTAssertEqual(try documentCount(), 1)
    }

    func testThresholdLeavesOutLessConfidentFields() throws {
        var counts: [Double: Int] = [:]
        for threshold in [0.0, 0.5, 0.9, 1.0] {
            let response = try InferenceUploader.multipart(InferenceTestPDFs.invoice(),
                                                           query: "confidence_threshold=\(threshold)", port: server.port)
            XCTAssertEqual(response.status, 200, response.text)
            let data = try XCTUnwrap(response.data().objectValue)
            let fields = try XCTUnwrap(data["fields"]?.objectValue)
            for (name, field) in fields.members {
                let confidence = try XCTUnwrap(number(field.objectValue?["confidence"]))
                XCTAssertGreaterThanOrEqual(confidence, threshold, "\(name) returned under threshold \(threshold)")
            }
            // What is stored is what was returned.
            let id = try XCTUnwrap(string(data["document_id"]).flatMap(UUID.init(uuidString:)))
            let stored = try XCTUnwrap(JSONParser.parse(try storedRow(id).string("fields")).objectValue)
            XCTAssertEqual(Set(stored.members.map(\.name)), Set(fields.members.map(\.name)))
            counts[threshold] = fields.count
        }
        XCTAssertGreaterThan(counts[0.0]!, 0)
        XCTAssertGreaterThanOrEqual(counts[0.0]!, counts[0.5]!)
        XCTAssertGreaterThanOrEqual(counts[0.5]!, counts[0.9]!)
        XCTAssertGreaterThanOrEqual(counts[0.9]!, counts[1.0]!)
        XCTAssertGreaterThan(counts[0.0]!, counts[1.0]!, "some field is less than certain")
    }

    func testSameFileAgainIsADuplicateAndWritesNothing() throws {
        let pdf = InferenceTestPDFs.invoice()
        let first = try InferenceUploader.multipart(pdf, filename: "first.pdf", port: server.port)
        XCTAssertEqual(first.status, 200, first.text)
        let firstData = try XCTUnwrap(first.data().objectValue)
        let statementsBefore = try documentRowVersion()

        let again = try InferenceUploader.raw(pdf, query: "filename=second.pdf", port: server.port)
        XCTAssertEqual(again.status, 200, again.text)
        let againData = try XCTUnwrap(again.data().objectValue)
        XCTAssertEqual(againData["duplicate"], .bool(true))
        XCTAssertEqual(againData["document_id"], firstData["document_id"])
        XCTAssertEqual(string(againData["filename"]), "first.pdf", "the existing document is returned")
        XCTAssertEqual(againData["fields"], firstData["fields"])
        XCTAssertEqual(try documentCount(), 1)
        XCTAssertEqual(try documentRowVersion(), statementsBefore, "the stored row was not rewritten")
    }

    func testConcurrentUploadsOfOneFileStoreOneDocument() throws {
        let pdf = InferenceTestPDFs.invoice()
        let port = server.port
        let results = ResultLog()
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            results.append(Result { try InferenceUploader.multipart(pdf, port: port) })
        }
        let responses = try results.all.map { try $0.get() }
        XCTAssertEqual(responses.map(\.status), Array(repeating: 200, count: 6), responses.map(\.text).joined())
        let data = try responses.map { try XCTUnwrap($0.data().objectValue) }
        XCTAssertEqual(Set(data.compactMap { string($0["document_id"]) }).count, 1)
        XCTAssertEqual(data.filter { $0["duplicate"] == .bool(false) }.count, 1)
        XCTAssertEqual(try documentCount(), 1)
    }

    // MARK: Rejected uploads leave nothing behind

    func testBadInputIsRejectedWithItsStatusAndNothingIsStored() throws {
        let port = server.port
        let invoice = InferenceTestPDFs.invoice()
        let cases: [(name: String, status: Int, fragment: String, send: () throws -> TestResponse)] = [
            ("empty body", 400, "Empty request body", { try InferenceUploader.raw([], port: port) }),
            ("missing part", 400, "Missing multipart part 'file'", {
                try InferenceUploader.multipart(invoice, partName: "document", port: port)
            }),
            ("empty part", 400, "part 'file' is empty", { try InferenceUploader.multipart([], port: port) }),
            ("malformed multipart", 400, "Invalid multipart body", {
                try InferenceUploader.raw(Array("--x\r\nnonsense".utf8), contentType: "multipart/form-data; boundary=x", port: port)
            }),
            ("threshold above 1", 400, "'confidence_threshold': expected a number from 0 to 1, got \"1.5\"", {
                try InferenceUploader.multipart(invoice, query: "confidence_threshold=1.5", port: port)
            }),
            ("threshold not a number", 400, "confidence_threshold", {
                try InferenceUploader.multipart(invoice, query: "confidence_threshold=high", port: port)
            }),
            ("negative threshold", 400, "confidence_threshold", {
                try InferenceUploader.raw(invoice, query: "confidence_threshold=-0.1", port: port)
            }),
            ("other content type", 415, "Unsupported Content-Type 'text/plain'", {
                try InferenceUploader.raw(invoice, contentType: "text/plain", port: port)
            }),
            ("no content type", 415, "Unsupported Content-Type none", {
                try InferenceUploader.raw(invoice, contentType: nil, port: port)
            }),
            ("not a PDF", 415, "Not a PDF", { try InferenceUploader.raw(Array("hello, world".utf8), port: port) }),
            ("not a PDF in multipart", 415, "Not a PDF", {
                try InferenceUploader.multipart(Array("GIF89a\u{1}\u{0}".utf8), port: port)
            }),
            ("broken beyond repair", 422, "Unreadable PDF", {
                try InferenceUploader.raw(InferenceTestPDFs.brokenBeyondRepair, port: port)
            }),
            ("past a parser limit", 422, "deeper than", {
                try InferenceUploader.multipart(InferenceTestPDFs.nestedTooDeep(), port: port)
            }),
            ("scanned", 422, "no text layer: scanned PDFs are not supported yet", {
                try InferenceUploader.multipart(InferenceTestPDFs.withoutTextLayer(), port: port)
            }),
        ]
        for testCase in cases {
            let response = try testCase.send()
            try assertErrorEnvelope(response, testCase.status, contains: testCase.fragment, testCase.name)
        }
        XCTAssertEqual(try documentCount(), 0)
    }

    func testPasswordProtectedPDFIsRejected() throws {
        let encrypted = try passwordProtected(InferenceTestPDFs.invoice())
        let response = try InferenceUploader.multipart(encrypted, port: server.port)
        try assertErrorEnvelope(response, 422, contains: "encrypted and needs a password", "encrypted")
        XCTAssertEqual(try documentCount(), 0)
    }

    func testUploadOverTheLimitIsRejected() throws {
        server.stop()
        server = try TestServer(["MAX_UPLOAD_BYTES": "1500"])
        let pdf = InferenceTestPDFs.invoice()
        XCTAssertGreaterThan(pdf.count, 1500)
        try assertErrorEnvelope(try InferenceUploader.raw(pdf, port: server.port), 413, contains: "larger than", "raw")
        try assertErrorEnvelope(try InferenceUploader.multipart(pdf, port: server.port), 413, contains: "larger than", "multipart")
        XCTAssertEqual(try documentCount(), 0)
    }

    // MARK: Helpers

    private func assertErrorEnvelope(_ response: TestResponse, _ status: Int, contains fragment: String, _ name: String,
                                     file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(response.status, status, "\(name): \(response.text)", file: file, line: line)
        let body = try response.json(file: file, line: line)
        XCTAssertEqual(body.members.map(\.name), ["success", "data", "error", "meta"], name, file: file, line: line)
        XCTAssertEqual(body["success"], .bool(false), name, file: file, line: line)
        XCTAssertEqual(body["data"], .null, name, file: file, line: line)
        let message = try response.error() ?? ""
        XCTAssertTrue(message.contains(fragment), "\(name): '\(message)' lacks '\(fragment)'", file: file, line: line)
    }

    private func documentCount() throws -> Int {
        try server.pool.withConnection { try $0.query("SELECT count(*)::int AS n FROM documents")[0].int("n") }
    }

    /// The system column xmin of every document row: changes when any row is rewritten.
    private func documentRowVersion() throws -> String {
        try server.pool.withConnection {
            try $0.query("SELECT string_agg(xmin::text, ',' ORDER BY id) AS v FROM documents")[0].string("v")
        }
    }

    private func storedRow(_ id: UUID) throws -> PostgresRow {
        try server.pool.withConnection { connection in
            let rows = try connection.query(
                "SELECT status, filename, fields::text AS fields, sha256, page_count, content_type FROM documents WHERE id = $1",
                [.uuid(id)])
            return try XCTUnwrap(rows.first, "document \(id) not stored")
        }
    }

    /// SHA-256 as PostgreSQL computes it: an implementation independent of the server's.
    private func serverComputedSHA256(_ bytes: [UInt8]) throws -> String {
        try server.pool.withConnection {
            try $0.query("SELECT encode(sha256($1), 'hex') AS h", [.bytea(bytes)])[0].string("h")
        }
    }

    /// `pdf` encrypted by qpdf with a user password (scripts/test installs qpdf).
    private func passwordProtected(_ pdf: [UInt8]) throws -> [UInt8] {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/qpdf") else {
            throw XCTSkip("qpdf is not installed (scripts/test installs it)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("infer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("plain.pdf"), output = directory.appendingPathComponent("locked.pdf")
        try Data(pdf).write(to: input)
        let status = try runTool("/usr/bin/qpdf", ["--encrypt", "secret-user", "secret-owner", "256", "--", input.path, output.path])
        XCTAssertEqual(status, 0, "qpdf --encrypt failed")
        return Array(try Data(contentsOf: output))
    }

    private func string(_ value: JSONValue?) -> String? {
        if case .string(let text) = value { return text }
        return nil
    }

    private func number(_ value: JSONValue?) -> Double? {
        if case .number(let text) = value { return Double(text) }
        return nil
    }

    private func value(_ fields: JSONObject, _ name: String) -> String? { string(fields[name]?.objectValue?["value"]) }
}

/// Results gathered from several threads.
final class ResultLog: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<TestResponse, Error>] = []
    func append(_ result: Result<TestResponse, Error>) { lock.withLock { results.append(result) } }
    var all: [Result<TestResponse, Error>] { lock.withLock { results } }
}
