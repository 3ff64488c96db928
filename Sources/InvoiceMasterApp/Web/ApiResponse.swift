import HTTPServer

/// The envelope of every response, success or error:
/// `{"success": bool, "data": T|null, "error": string|null, "meta": object|null}`.
public struct ApiResponse<T: JSONEncodable> {
    public var success: Bool
    public var data: T?
    public var error: String?
    public var meta: JSONObject?

    public init(success: Bool, data: T?, error: String?, meta: JSONObject?) {
        self.success = success; self.data = data; self.error = error; self.meta = meta
    }

    public static func ok(_ data: T?, meta: JSONObject? = nil) -> ApiResponse {
        ApiResponse(success: true, data: data, error: nil, meta: meta)
    }

    public func encoded(capacity: Int = 256) -> [UInt8] {
        var writer = JSONWriter(capacity: capacity)
        writer.raw("{\"success\":")
        writer.bool(success)
        writer.raw(",\"data\":")
        if let data { data.encode(to: &writer) } else { writer.null() }
        writer.raw(",\"error\":")
        writer.optionalString(error)
        writer.raw(",\"meta\":")
        if let meta { writer.value(.object(meta)) } else { writer.null() }
        writer.raw("}")
        return writer.bytes
    }

    /// The envelope as an HTTP response with `Content-Type: application/json`.
    public func httpResponse(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(),
                             capacity: Int = 256) -> HTTPResponse {
        var headers = headers
        headers.add(name: "Content-Type", value: "application/json")
        return HTTPResponse(status: status, headers: headers, body: encoded(capacity: capacity))
    }
}

/// Stands in for `T` when `data` is always null.
public struct NoData: JSONEncodable {
    public func encode(to writer: inout JSONWriter) { writer.null() }
}

extension ApiResponse where T == NoData {
    /// An error envelope: `success: false, data: null`.
    public static func failure(_ message: String, meta: JSONObject? = nil) -> ApiResponse<NoData> {
        ApiResponse<NoData>(success: false, data: nil, error: message, meta: meta)
    }
}

extension HTTPResponse {
    /// The error envelope for `status` with `message`.
    public static func error(_ status: HTTPStatus, _ message: String, meta: JSONObject? = nil,
                             headers: HTTPHeaders = HTTPHeaders()) -> HTTPResponse {
        ApiResponse<NoData>.failure(message, meta: meta).httpResponse(status: status, headers: headers)
    }
}
