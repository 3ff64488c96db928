/// Everything the Postgres module throws.
public enum PostgresError: Error, CustomStringConvertible, Sendable {
    /// A new connection could not be opened (database down, bad credentials, ...).
    case connectionFailed(String)
    /// No pooled connection became free within `acquireTimeout`.
    case acquireTimeout
    /// An open connection died (server restart, `pg_terminate_backend`, network loss).
    case connectionLost(String)
    /// The server rejected a statement.
    case queryFailed(sqlState: String, message: String, detail: String?)
    /// A value could not be read as the requested Swift type.
    case decodingFailed(String)

    public var description: String {
        switch self {
        case .connectionFailed(let message):
            return "database connection failed: \(message)"
        case .acquireTimeout:
            return "timed out waiting for a database connection"
        case .connectionLost(let message):
            return "database connection lost: \(message)"
        case .queryFailed(let sqlState, let message, let detail):
            let suffix = detail.map { " (\($0))" } ?? ""
            return "query failed [\(sqlState)]: \(message)\(suffix)"
        case .decodingFailed(let message):
            return "decoding failed: \(message)"
        }
    }

    /// The SQLSTATE of a server error, nil for client-side errors.
    public var sqlState: String? {
        if case .queryFailed(let sqlState, _, _) = self { return sqlState }
        return nil
    }

    /// `23505 unique_violation`: a duplicate key.
    public var isUniqueViolation: Bool { sqlState == "23505" }

    /// `23503 foreign_key_violation`.
    public var isForeignKeyViolation: Bool { sqlState == "23503" }

    /// The database cannot be reached right now (callers answer 503, not 500).
    public var isUnavailable: Bool {
        switch self {
        case .connectionFailed, .acquireTimeout, .connectionLost:
            return true
        case .queryFailed(let sqlState, _, _):
            return SQLState.meansUnavailable(sqlState)
        case .decodingFailed:
            return false
        }
    }
}

/// SQLSTATE classification shared by the error helpers and the connection's broken-state tracking.
enum SQLState {
    /// Class 08 (connection exception, except 08P01 which also reports a wrong parameter
    /// count on a healthy session), the 57P0x shutdown codes, 53300 too_many_connections.
    static func meansUnavailable(_ code: String) -> Bool {
        (code.hasPrefix("08") && code != "08P01") || meansSessionTerminated(code) || code == "53300"
    }

    /// The server ended this session (admin_shutdown, crash_shutdown, cannot_connect_now).
    static func meansSessionTerminated(_ code: String) -> Bool {
        code == "57P01" || code == "57P02" || code == "57P03"
    }

    /// Cached plan invalidated by DDL (0A000 "cached plan must not change result type")
    /// or a prepared statement that no longer exists (26000): re-preparing fixes both.
    static func meansStalePreparedStatement(_ code: String) -> Bool {
        code == "0A000" || code == "26000"
    }
}
