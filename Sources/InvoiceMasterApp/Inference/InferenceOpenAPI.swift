/// The OpenAPI description of `POST /api/v1/infer`, plugged into `OpenAPIDocument` (its path
/// item under `paths`, its schemas under `components.schemas`).
enum InferenceOpenAPI {
    typealias B = OpenAPIBuilders

    static var pathItem: JSONValue {
        let threshold = B.object(
            ("name", .string(ConfidenceThreshold.parameter)), ("in", "query"), ("required", .bool(false)),
            ("description", "fields with a lower confidence are left out (and not stored)"),
            ("schema", B.object(("type", "number"), ("minimum", B.int(0)), ("maximum", B.int(1)),
                                ("default", .number(String(ConfidenceThreshold.defaultValue))))))
        let filename = B.object(
            ("name", "filename"), ("in", "query"), ("required", .bool(false)),
            ("description", "stored file name of a raw application/pdf upload (default: Content-Disposition, else upload.pdf)"),
            ("schema", B.stringSchema(minLength: 1, maxLength: 255)))
        let multipart = B.object(
            ("type", "object"), ("required", B.strings([InferenceUpload.partName])),
            ("properties", B.object((InferenceUpload.partName, B.object(
                ("type", "string"), ("contentMediaType", "application/pdf"), ("contentEncoding", "binary"))))))
        let body = B.object(
            ("required", .bool(true)),
            ("content", B.object(
                ("multipart/form-data", B.object(("schema", multipart))),
                ("application/pdf", B.object(("schema", B.object(("type", "string"), ("contentEncoding", "binary")))))))
        )
        let errors: [(Int, String)] = [
            (400, "Empty body, missing or empty part 'file', malformed multipart, or confidence_threshold outside 0..1"),
            (413, "Upload larger than MAX_UPLOAD_BYTES"),
            (415, "Content-Type is neither multipart/form-data nor application/pdf, or the bytes are not a PDF"),
            (422, "Encrypted with a password, broken beyond repair, past a parser limit, or no text layer (a scan)"),
            (429, OpenAPIDocument.errorDescriptions[429]!),
            (500, OpenAPIDocument.errorDescriptions[500]!),
            (503, OpenAPIDocument.errorDescriptions[503]!),
        ]
        var responses: [(String, JSONValue)] = [("200", B.object(
            ("description", "Fields found; the document is stored (or was already: duplicate true)"),
            ("headers", OpenAPIDocument.commonHeaders(status: 200)),
            ("content", B.jsonContent(OpenAPIDocument.envelope(B.ref("InferenceResult"))))))]
        for (status, description) in errors {
            responses.append((String(status), B.object(
                ("description", .string(description)), ("headers", OpenAPIDocument.commonHeaders(status: status)),
                ("content", B.jsonContent(B.ref("ErrorResponse"))))))
        }
        return B.object(("post", B.object(
            ("operationId", "inferInvoice"),
            ("summary", "Read an invoice PDF, extract its fields, store it as a processed document"),
            ("parameters", .array([threshold, filename])),
            ("requestBody", body),
            ("responses", B.object(responses)))))
    }

    static var schemas: [(String, JSONValue)] {
        let number = B.object(("type", "number"))
        return [
            ("InferredField", B.object(
                ("type", "object"), ("required", B.strings(["value", "confidence", "page", "bbox", "raw"])),
                ("properties", B.object(
                    ("value", B.stringSchema(description: "normalized: ISO dates, 2-decimal amounts, ISO 4217, ids without spaces")),
                    ("confidence", B.object(("type", "number"), ("minimum", B.int(0)), ("maximum", B.int(1)))),
                    ("page", B.object(("type", "integer"), ("minimum", B.int(1)))),
                    ("bbox", B.object(("type", "array"), ("items", number), ("minItems", B.int(4)), ("maxItems", B.int(4)),
                                      ("description", "[x0, y0, x1, y1] in points, origin top-left, y down"))),
                    ("raw", B.stringSchema(description: "the text as printed")))))),
            ("InferenceResult", B.object(
                ("type", "object"),
                ("required", B.strings(["document_id", "filename", "pages", "fields", "processing_ms", "duplicate"])),
                ("properties", B.object(
                    ("document_id", B.stringSchema(format: "uuid")),
                    ("filename", B.stringSchema(minLength: 1, maxLength: 255)),
                    ("pages", B.object(("type", "integer"), ("minimum", B.int(0)))),
                    ("fields", B.object(("type", "object"), ("additionalProperties", B.ref("InferredField")),
                                        ("description", "canonical field name → field"))),
                    ("processing_ms", B.object(("type", "number"), ("minimum", B.int(0)))),
                    ("duplicate", B.object(("type", "boolean"))))))),
        ]
    }
}
