import Postgres

/// What a database error means for the client: unreachable → 503 `database unavailable`,
/// a duplicate key → 409, a value PostgreSQL rejects as data (class 22) → 400. Anything else is
/// left to the 500 path.
enum DatabaseErrorTranslation {
    @Sendable static func appError(for error: Error) -> AppError? {
        guard let error = error as? PostgresError else { return nil }
        if error.isUnavailable { return .databaseUnavailable }
        if error.isUniqueViolation { return .conflict("Conflict: \(detail(of: error))") }
        if let state = error.sqlState, state.hasPrefix("22") { return .validation("Invalid value: \(detail(of: error))") }
        return nil
    }

    private static func detail(of error: PostgresError) -> String {
        if case .queryFailed(_, let message, let detail) = error { return detail ?? message }
        return String(describing: error)
    }
}
