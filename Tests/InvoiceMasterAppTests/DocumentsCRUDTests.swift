import Foundation
import XCTest
@testable import InvoiceMasterApp

final class DocumentsCRUDTests: DocumentsTestCase {
    func testCreateGetReplacePatchDelete() throws {
        let created = try client.request("POST", "/api/v1/documents", body: """
            {"filename":"inv-1.pdf","fields":{"Total":12.50,"Vendor":{"Name":"Acme","City":"Oslo"}},"labels":["urgent","b","urgent","a"]}
            """)
        XCTAssertEqual(created.status, 201, created.text)
        let document = try XCTUnwrap(created.data().objectValue)
        let id = try XCTUnwrap(string(document, "id"))
        XCTAssertEqual(created.header("Location"), "/api/v1/documents/\(id)")
        XCTAssertEqual(document.members.map(\.name), ["id", "filename", "status", "fields", "labels", "created_at", "updated_at"])
        XCTAssertEqual(string(document, "status"), "pending", "status defaults to pending")
        XCTAssertEqual(strings(document["labels"]), ["a", "b", "urgent"], "duplicates folded, sorted")
        XCTAssertEqual(document["fields"], try JSONParser.parse(#"{"Total":12.50,"Vendor":{"Name":"Acme","City":"Oslo"}}"#))
        let timestamp = try XCTUnwrap(string(document, "created_at"))
        XCTAssertNotNil(timestamp.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$"#, options: .regularExpression), timestamp)

        let fetched = try client.request("GET", "/api/v1/documents/\(id)")
        XCTAssertEqual(fetched.status, 200)
        XCTAssertEqual(try fetched.data().objectValue, document, "GET returns what POST stored")
        XCTAssertEqual(try fetched.json()["meta"], .null)
        XCTAssertEqual(try fetched.json()["error"], .null)
        XCTAssertEqual(try fetched.json()["success"], .bool(true))

        let patched = try client.request("PATCH", "/api/v1/documents/\(id)",
                                         body: #"{"status":"processed","fields":{"Vendor":{"City":null},"Due":"2024-06-01"}}"#,
                                         contentType: "application/merge-patch+json")
        XCTAssertEqual(patched.status, 200, patched.text)
        let afterPatch = try XCTUnwrap(patched.data().objectValue)
        XCTAssertEqual(string(afterPatch, "status"), "processed")
        XCTAssertEqual(string(afterPatch, "filename"), "inv-1.pdf")
        XCTAssertEqual(strings(afterPatch["labels"]), ["a", "b", "urgent"], "labels untouched when not given")
        XCTAssertEqual(afterPatch["fields"], try JSONParser.parse(#"{"Total":12.50,"Vendor":{"Name":"Acme"},"Due":"2024-06-01"}"#))
        XCTAssertGreaterThan(try XCTUnwrap(string(afterPatch, "updated_at")), try XCTUnwrap(string(afterPatch, "created_at")))

        let relabelled = try client.request("PATCH", "/api/v1/documents/\(id)", body: #"{"labels":["z","a"]}"#)
        XCTAssertEqual(strings(try relabelled.data().objectValue?["labels"]), ["a", "z"])

        let replaced = try client.request("PUT", "/api/v1/documents/\(id)", body: #"{"filename":"inv-1b.pdf"}"#)
        XCTAssertEqual(replaced.status, 200, replaced.text)
        let afterPut = try XCTUnwrap(replaced.data().objectValue)
        XCTAssertEqual(string(afterPut, "filename"), "inv-1b.pdf")
        XCTAssertEqual(string(afterPut, "status"), "pending", "PUT resets omitted members")
        XCTAssertEqual(afterPut["fields"], .object(JSONObject()))
        XCTAssertEqual(strings(afterPut["labels"]), [])
        XCTAssertEqual(string(afterPut, "created_at"), string(document, "created_at"))
        XCTAssertEqual(try client.request("GET", "/api/v1/documents/\(id)").data().objectValue, afterPut)

        let deleted = try client.request("DELETE", "/api/v1/documents/\(id)")
        XCTAssertEqual(deleted.status, 200)
        XCTAssertEqual(deleted.text, #"{"success":true,"data":null,"error":null,"meta":null}"#)
        try assertError(try client.request("GET", "/api/v1/documents/\(id)"), 404, "Document not found: \(id)")
        try assertError(try client.request("DELETE", "/api/v1/documents/\(id)"), 404, "Document not found: \(id)")
        try assertError(try client.request("PUT", "/api/v1/documents/\(id)", body: #"{"filename":"x"}"#), 404)
        try assertError(try client.request("PATCH", "/api/v1/documents/\(id)", body: #"{"status":"failed"}"#), 404)
    }

    func testUppercaseIdIsTheSameDocument() throws {
        let id = try XCTUnwrap(string(try create(#"{"filename":"a.pdf"}"#), "id"))
        let response = try client.request("GET", "/api/v1/documents/\(id.uppercased())")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(string(try XCTUnwrap(response.data().objectValue), "id"), id)
    }

    func testLimitsOnMembers() throws {
        let longest = String(repeating: "é", count: 255)
        XCTAssertEqual(string(try create(#"{"filename":"\#(longest)"}"#), "filename"), longest, "255 characters, not bytes")
        try assertError(try client.request("POST", "/api/v1/documents", body: #"{"filename":"\#(longest)x"}"#), 400, contains: "filename")
        try assertError(try client.request("POST", "/api/v1/documents", body: #"{"filename":""}"#), 400, contains: "filename")
        let fifty = (0..<50).map { "\"l\($0)\"" }.joined(separator: ",")
        XCTAssertEqual(strings(try create(#"{"filename":"x","labels":[\#(fifty)]}"#)["labels"]).count, 50)
        try assertError(try client.request("POST", "/api/v1/documents", body: #"{"filename":"x","labels":[\#(fifty),"l0"]}"#),
                        400, contains: "at most 50")
        let label64 = String(repeating: "a", count: 64)
        XCTAssertEqual(strings(try create(#"{"filename":"x","labels":["\#(label64)"]}"#)["labels"]), [label64])
        try assertError(try client.request("POST", "/api/v1/documents", body: #"{"filename":"x","labels":["\#(label64)a"]}"#),
                        400, contains: "labels[0]")
        try assertError(try client.request("POST", "/api/v1/documents", body: #"{"filename":"x","labels":[""]}"#), 400, contains: "labels[0]")
    }

    func testNulCharacterIsRejectedEverywhere() throws {
        for body in [#"{"filename":"a\u0000b"}"#, #"{"filename":"a","labels":["x\u0000"]}"#,
                     #"{"filename":"a","fields":{"k":["\u0000"]}}"#, #"{"filename":"a","fields":{"k\u0000":1}}"#] {
            try assertError(try client.request("POST", "/api/v1/documents", body: body), 400, contains: "U+0000")
        }
        try assertError(try client.request("GET", "/api/v1/documents?label=a%00b"), 400, contains: "'label'")
    }

    func testBadLabelMidListCreatesNothing() throws {
        let labels = #"["ok",""# + String(repeating: "x", count: 65) + #"","later"]"#
        try assertError(try client.request("POST", "/api/v1/documents", body: #"{"filename":"rollback.pdf","labels":\#(labels)}"#),
                        400, contains: "labels[1]")
        XCTAssertEqual(try meta(client.request("GET", "/api/v1/documents"))["total"], .number("0"))
    }
}
