import HTTPServer

/// `POST /api/v1/infer` — thin: read threshold and upload, call the service, wrap the result.
public enum InferenceRoutes {
    public static let path = "/api/v1/infer"

    public static func register(on router: Router, service: InferenceService) {
        router.add(.post, path, body: .any(maxBytes: service.maxUploadBytes)) { request in
            let startedAt = UTCClock.monotonicMicroseconds()
            do {
                let threshold = try ConfidenceThreshold.parse(request.query(ConfidenceThreshold.parameter))
                let upload = try InferenceUpload.from(request, maxBytes: service.maxUploadBytes)
                let result = try service.infer(upload, threshold: threshold, startedAt: startedAt)
                return ApiResponse.ok(result).httpResponse(capacity: 2048)
            } catch let rejection as InferenceRejection {
                return .error(rejection.status, rejection.message)
            }
        }
    }
}
