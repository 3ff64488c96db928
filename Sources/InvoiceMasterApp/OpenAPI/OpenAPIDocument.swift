/// The OpenAPI 3.1 description of the API served at `GET /api/v1/openapi.json`. Kept true by
/// `scripts/check-openapi` (schemathesis against the live server) and `OpenAPITests`.
enum OpenAPIDocument {
    typealias B = OpenAPIBuilders

    static var json: JSONValue {
        B.object(
            ("openapi", "3.1.0"),
            ("info", B.object(
                ("title", "invoice-master API"),
                ("version", "1.0.0"),
                ("description", .string("Every response, success or error, is the envelope "
                    + "`{\"success\": bool, \"data\": ..., \"error\": string|null, \"meta\": object|null}`. "
                    + "Every response carries `X-Request-ID`; with rate limiting on, also `X-RateLimit-Limit`, "
                    + "`X-RateLimit-Remaining` and `X-RateLimit-Reset`.")))),
            ("paths", paths),
            ("components", B.object(("schemas", schemas)))
        )
    }

    // MARK: Paths

    static var paths: JSONValue {
        let idParameter = B.object(
            ("name", "id"), ("in", "path"), ("required", .bool(true)),
            ("description", "document id (UUID)"), ("schema", B.stringSchema(format: "uuid")))
        return B.object(
            ("/api/v1/health", B.object(("get", operation(
                id: "health", summary: "Liveness (no database)",
                success: (200, "Alive", envelope(B.ref("HealthData"))), errors: [])))),
            ("/api/v1/ready", B.object(("get", operation(
                id: "ready", summary: "Readiness: SELECT 1 on a pooled connection",
                success: (200, "Database reachable", envelope(B.ref("HealthData"))), errors: [503])))),
            ("/api/v1/openapi.json", B.object(("get", openAPIOperation))),
            ("/api/v1/documents", B.object(
                ("get", operation(
                    id: "listDocuments", summary: "List documents (labels included; meta: total, limit, offset)",
                    parameters: listParameters,
                    success: (200, "A page of documents", B.ref("DocumentListResponse")), errors: [400, 503])),
                ("post", operation(
                    id: "createDocument", summary: "Create a document (document and labels in one transaction)",
                    body: (B.ref("DocumentCreate"), mergePatch: false),
                    success: (201, "Created; Location names the new document", envelope(B.ref("Document"))),
                    errors: [400, 409, 413, 415, 503], location: true)))),
            ("/api/v1/documents/{id}", B.object(
                ("get", operation(
                    id: "getDocument", summary: "Get a document", parameters: [idParameter],
                    success: (200, "The document", envelope(B.ref("Document"))), errors: [400, 404, 503])),
                ("put", operation(
                    id: "replaceDocument", summary: "Replace a document (omitted optional members reset to defaults)",
                    parameters: [idParameter], body: (B.ref("DocumentCreate"), mergePatch: false),
                    success: (200, "The stored document", envelope(B.ref("Document"))),
                    errors: [400, 404, 413, 415, 503])),
                ("patch", operation(
                    id: "patchDocument", summary: "Change members of a document (fields: JSON Merge Patch)",
                    parameters: [idParameter], body: (B.ref("DocumentPatch"), mergePatch: true),
                    success: (200, "The stored document", envelope(B.ref("Document"))),
                    errors: [400, 404, 413, 415, 503])),
                ("delete", operation(
                    id: "deleteDocument", summary: "Delete a document (data: null)", parameters: [idParameter],
                    success: (200, "Deleted", B.ref("NullResponse")), errors: [400, 404, 503])))),
            (InferenceRoutes.path, InferenceOpenAPI.pathItem))
    }

    static var openAPIOperation: JSONValue {
        let ok = B.object(
            ("description", "The OpenAPI 3.1 document"),
            ("headers", commonHeaders(status: 200)),
            ("content", B.jsonContent(B.object(("type", "object")))))
        return B.object(("operationId", "openapi"), ("summary", "This document (not wrapped in the envelope)"),
                        ("responses", B.object(("200", ok))))
    }

    static var listParameters: [JSONValue] {
        func query(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
            B.object(("name", .string(name)), ("in", "query"), ("required", .bool(false)),
                     ("description", .string(description)), ("schema", schema))
        }
        let sorts = DocumentSortField.allCases.flatMap { [$0.rawValue, "-" + $0.rawValue] }
        return [
            query("status", "only documents with this status", B.ref("DocumentStatus")),
            query("label", "only documents with this label", B.stringSchema(minLength: 1, maxLength: 64, noNul: true)),
            query("sort", "sort field; '-' prefix for descending; ties broken by id",
                  B.object(("type", "string"), ("enum", B.strings(sorts)), ("default", "-created_at"))),
            query("limit", "page size", B.object(("type", "integer"), ("minimum", B.int(1)), ("maximum", B.int(100)),
                                                 ("default", B.int(20)))),
            query("offset", "documents to skip", B.object(("type", "integer"), ("minimum", B.int(0)),
                                                          ("maximum", B.int(Int.max)), ("default", B.int(0)))),
        ]
    }

    static let errorDescriptions: [Int: String] = [
        400: "Invalid parameter, JSON or body (named in `error`)",
        404: "Document not found: <id>",
        409: "Conflict with a stored document",
        413: "Request body larger than MAX_BODY_BYTES",
        415: "Content-Type is not application/json (or application/*+json)",
        429: "Rate limit exceeded (Retry-After, X-RateLimit-* headers)",
        500: "Internal server error (request id in meta)",
        503: "database unavailable",
    ]

    static func operation(id: String, summary: String, parameters: [JSONValue] = [],
                          body: (schema: JSONValue, mergePatch: Bool)? = nil,
                          success: (status: Int, description: String, schema: JSONValue),
                          errors: [Int], location: Bool = false) -> JSONValue {
        var successHeaders = commonHeaders(status: success.status)
        if location, case .object(var headers) = successHeaders {
            headers["Location"] = B.object(("description", "/api/v1/documents/{id}"), ("schema", B.stringSchema()))
            successHeaders = .object(headers)
        }
        var responses: [(String, JSONValue)] = [(String(success.status), B.object(
            ("description", .string(success.description)), ("headers", successHeaders),
            ("content", B.jsonContent(success.schema))))]
        for status in (errors + [429, 500]).sorted() {
            responses.append((String(status), B.object(
                ("description", .string(errorDescriptions[status]!)), ("headers", commonHeaders(status: status)),
                ("content", B.jsonContent(B.ref("ErrorResponse"))))))
        }
        var members: [(String, JSONValue)] = [("operationId", .string(id)), ("summary", .string(summary))]
        if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
        if let body {
            var content: [(String, JSONValue)] = [("application/json", B.object(("schema", body.schema)))]
            if body.mergePatch { content.append(("application/merge-patch+json", B.object(("schema", body.schema)))) }
            members.append(("requestBody", B.object(("required", .bool(true)), ("content", B.object(content)))))
        }
        members.append(("responses", B.object(responses)))
        return B.object(members)
    }

    static func commonHeaders(status: Int) -> JSONValue {
        let counter = B.object(("type", "integer"), ("minimum", B.int(0)))
        var headers: [(String, JSONValue)] = [
            ("X-Request-ID", B.object(("description", "the client's sane X-Request-ID, or a generated UUID"),
                                      ("schema", B.stringSchema()))),
            ("X-RateLimit-Limit", B.object(("description", "requests allowed per window (when limiting is on)"),
                                           ("schema", counter))),
            ("X-RateLimit-Remaining", B.object(("description", "requests left right now"), ("schema", counter))),
            ("X-RateLimit-Reset", B.object(("description", "seconds until the full limit is available again"),
                                           ("schema", counter))),
        ]
        if status == 429 {
            headers.append(("Retry-After", B.object(("description", "seconds"),
                                                    ("schema", B.object(("type", "integer"), ("minimum", B.int(1)))))))
        }
        return B.object(headers)
    }

    static func envelope(_ data: JSONValue) -> JSONValue {
        B.object(
            ("type", "object"),
            ("required", B.strings(["success", "data", "error", "meta"])),
            ("properties", B.object(
                ("success", B.object(("const", .bool(true)))),
                ("data", data),
                ("error", B.object(("type", "null"))),
                ("meta", B.object(("type", "null"))))))
    }

    // MARK: Schemas

    static var schemas: JSONValue {
        let label = B.stringSchema(minLength: 1, maxLength: 64, noNul: true)
        let labels = B.object(("type", "array"), ("items", label), ("maxItems", B.int(50)),
                              ("description", "at most 50; duplicates are folded; returned sorted"))
        let filename = B.stringSchema(minLength: 1, maxLength: 255, noNul: true)
        let timestamp = B.object(("type", "string"), ("format", "date-time"),
                                 ("examples", B.strings(["2024-05-01T12:00:00.000000Z"])))
        return B.object(InferenceOpenAPI.schemas + [
            ("DocumentStatus", B.enumSchema(DocumentStatus.allCases.map(\.rawValue))),
            ("Fields", B.object(
                ("type", "object"), ("propertyNames", B.object(("pattern", "^[^\\u0000]*$"))),
                ("additionalProperties", B.ref("JSONWithoutNul")),
                ("description", "any JSON object (no U+0000 in strings or names)"))),
            ("JSONWithoutNul", B.object(("anyOf", .array([
                B.object(("type", "string"), ("pattern", "^[^\\u0000]*$")),
                B.object(("type", "number")), B.object(("type", "boolean")), B.object(("type", "null")),
                B.object(("type", "array"), ("items", B.ref("JSONWithoutNul"))),
                B.object(("type", "object"), ("propertyNames", B.object(("pattern", "^[^\\u0000]*$"))),
                         ("additionalProperties", B.ref("JSONWithoutNul"))),
            ])))),
            ("Document", B.object(
                ("type", "object"),
                ("required", B.strings(["id", "filename", "status", "fields", "labels", "created_at", "updated_at"])),
                ("properties", B.object(
                    ("id", B.stringSchema(format: "uuid")), ("filename", B.stringSchema(minLength: 1, maxLength: 255)),
                    ("status", B.ref("DocumentStatus")), ("fields", B.object(("type", "object"))),
                    ("labels", B.object(("type", "array"), ("items", B.stringSchema()))),
                    ("created_at", timestamp), ("updated_at", timestamp))))),
            ("DocumentCreate", B.object(
                ("type", "object"), ("required", B.strings(["filename"])),
                ("description", "Body of POST and PUT. PUT is a full replace: omitted optional members get their defaults."),
                ("properties", B.object(
                    ("filename", filename),
                    ("status", B.object(("$ref", "#/components/schemas/DocumentStatus"), ("default", "pending"))),
                    ("fields", B.object(("$ref", "#/components/schemas/Fields"), ("default", B.object()))),
                    ("labels", labels))))),
            ("DocumentPatch", B.object(
                ("type", "object"), ("minProperties", B.int(1)),
                ("description", .string("Only the members given change; none may be null. `fields` is a JSON Merge Patch "
                    + "(RFC 7396: null removes a key); `labels` replaces the set.")),
                ("properties", B.object(
                    ("filename", filename), ("status", B.ref("DocumentStatus")),
                    ("fields", B.object(
                        ("type", "object"), ("propertyNames", B.object(("pattern", "^[^\\u0000]*$"))),
                        ("additionalProperties", B.ref("JSONWithoutNul")),
                        ("description", "JSON Merge Patch for the stored fields: null removes a key"))),
                    ("labels", labels))))),
            ("HealthData", B.object(
                ("type", "object"), ("required", B.strings(["status"])),
                ("properties", B.object(("status", B.stringSchema()))))),
            ("ListMeta", B.object(
                ("type", "object"), ("required", B.strings(["total", "limit", "offset"])),
                ("properties", B.object(
                    ("total", B.object(("type", "integer"), ("minimum", B.int(0)))),
                    ("limit", B.object(("type", "integer"), ("minimum", B.int(1)), ("maximum", B.int(100)))),
                    ("offset", B.object(("type", "integer"), ("minimum", B.int(0)))))))),
            ("DocumentListResponse", B.object(
                ("type", "object"), ("required", B.strings(["success", "data", "error", "meta"])),
                ("properties", B.object(
                    ("success", B.object(("const", .bool(true)))),
                    ("data", B.object(("type", "array"), ("items", B.ref("Document")))),
                    ("error", B.object(("type", "null"))),
                    ("meta", B.ref("ListMeta")))))),
            ("NullResponse", envelope(B.object(("type", "null")))),
            ("ErrorResponse", B.object(
                ("type", "object"), ("required", B.strings(["success", "data", "error", "meta"])),
                ("description", "The envelope of every error (500s carry the request id in meta)"),
                ("properties", B.object(
                    ("success", B.object(("const", .bool(false)))),
                    ("data", B.object(("type", "null"))),
                    ("error", B.stringSchema()),
                    ("meta", B.object(("type", .array(["object", "null"])))))))),
        ])
    }
}
