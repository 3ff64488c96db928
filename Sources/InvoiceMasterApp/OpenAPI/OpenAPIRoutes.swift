import HTTPServer

/// `GET /api/v1/openapi.json`: the document itself (not wrapped in the envelope — it is what
/// OpenAPI tools read). Encoded once.
public enum OpenAPIRoutes {
    public static let path = "/api/v1/openapi.json"

    public static func register(on router: Router) {
        let response = HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "application/json")]),
                                    body: Array(OpenAPIDocument.json.jsonText.utf8))
        router.get(path) { _ in response }
    }
}
