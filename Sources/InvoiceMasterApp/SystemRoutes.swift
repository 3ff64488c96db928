import HTTPServer
import Postgres

/// `GET /api/v1/health` (no database) and `GET /api/v1/ready` (SELECT 1 on a pooled connection).
public enum SystemRoutes {
    public static let healthPath = "/api/v1/health"
    public static let readyPath = "/api/v1/ready"

    struct Status: JSONEncodable {
        let status: StaticString
        func encode(to writer: inout JSONWriter) {
            writer.raw("{\"status\":\"")
            writer.raw(status)
            writer.raw("\"}")
        }
    }

    public static func register(on router: Router, pool: PostgresPool, logger: AppLogger) {
        let healthy = ApiResponse.ok(Status(status: "ok")).httpResponse()
        router.get(healthPath) { _ in healthy }

        router.get(readyPath) { _ in
            do {
                try pool.withConnection { try $0.query("SELECT 1") }
            } catch {
                logger.warning("readiness check failed", [("error", .string(String(describing: error)))])
                throw AppError.databaseUnavailable
            }
            return ApiResponse.ok(Status(status: "ready")).httpResponse()
        }
    }
}
