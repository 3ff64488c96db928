/// How a `PostgresPool` connects and sizes itself.
public struct PostgresConfiguration: Sendable {
    /// A libpq connection URL (`postgresql://user@host:port/db?...`) or key=value DSN.
    public var connectionString: String
    /// Connections the pool opens at `start()` and keeps open in the background.
    public var minConnections: Int = 2
    /// Hard ceiling on connections this pool has open (or is opening) at once.
    public var maxConnections: Int = 10
    /// Seconds a caller waits for a pooled connection before `PostgresError.acquireTimeout`.
    public var acquireTimeout: Double = 10
    /// Seconds libpq waits for a new connection (libpq rounds up to whole seconds, minimum 2).
    public var connectTimeout: Double = 5
    /// Sent as `application_name`, so `pg_stat_activity` can tell this pool's sessions apart.
    /// When nil, the connection string's own `application_name` (if any) applies.
    public var applicationName: String?
    /// Prepared statements kept per connection; the least recently used one is deallocated beyond this.
    public var statementCacheCapacity: Int = 256
    /// First delay after a failed connection attempt; doubles per consecutive failure.
    public var reconnectDelay: Double = 0.05
    /// Ceiling on that delay, so a database that comes back is noticed quickly.
    public var maxReconnectDelay: Double = 2

    public init(connectionString: String) {
        self.connectionString = connectionString
    }
}
