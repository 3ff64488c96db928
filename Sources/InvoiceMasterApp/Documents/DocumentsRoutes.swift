import Foundation
import HTTPServer

/// `/api/v1/documents` — thin handlers: read the request, call the service, wrap the result.
public enum DocumentsRoutes {
    public static let collectionPath = "/api/v1/documents"
    public static let itemPath = "/api/v1/documents/{id}"

    public static func register(on router: Router, service: DocumentService, maxBodyBytes: Int) {
        let json = BodyPolicy.json(maxBytes: maxBodyBytes)

        router.add(.get, collectionPath) { request in
            let query = try DocumentListQuery(parameters: request.query)
            let page = try service.list(query)
            let meta = JSONObject([
                ("total", .number(String(page.total))), ("limit", .number(String(query.limit))),
                ("offset", .number(String(query.offset))),
            ])
            return ApiResponse.ok(page.documents, meta: meta).httpResponse(capacity: 512 * max(1, page.documents.count))
        }

        router.add(.post, collectionPath, body: json) { request in
            let document = try service.create(DocumentBodyDecoder.newDocument(from: request.body))
            var headers = HTTPHeaders()
            headers.add(name: "Location", value: "\(collectionPath)/\(document.id.uuidString.lowercased())")
            return ApiResponse.ok(document).httpResponse(status: .created, headers: headers, capacity: 512)
        }

        router.add(.get, itemPath) { request in
            ApiResponse.ok(try service.get(id: documentID(request))).httpResponse(capacity: 512)
        }

        router.add(.put, itemPath, body: json) { request in
            let id = try documentID(request)
            let document = try service.replace(id: id, with: DocumentBodyDecoder.newDocument(from: request.body))
            return ApiResponse.ok(document).httpResponse(capacity: 512)
        }

        router.add(.patch, itemPath, body: json) { request in
            let id = try documentID(request)
            let document = try service.update(id: id, with: DocumentBodyDecoder.changes(from: request.body))
            return ApiResponse.ok(document).httpResponse(capacity: 512)
        }

        router.add(.delete, itemPath) { request in
            try service.delete(id: documentID(request))
            return ApiResponse<NoData>.ok(nil).httpResponse()
        }
    }

    /// The `{id}` path parameter as a UUID, else 400.
    static func documentID(_ request: AppRequest) throws -> UUID {
        let text = request.pathParameter("id") ?? ""
        guard let id = UUID(uuidString: text) else {
            throw AppError.validation("Invalid path parameter 'id': expected a UUID, got \(DocumentListQuery.quoted(text))")
        }
        return id
    }
}
