import CLibPQ
import Glibc

/// One libpq session. Not thread-safe: the pool hands it to one caller at a time.
///
/// `query` runs parameterized statements through the extended protocol, each SQL text prepared
/// once per connection and reused (`PreparedStatementCache`). A connection that dies mid-query is
/// marked broken, and the pool discards it instead of reusing it.
public final class PostgresConnection {
    let handle: OpaquePointer
    private var statements: PreparedStatementCache
    private let counter: StatementCounter?
    /// Set once the session is known dead; never reset.
    public private(set) var isBroken = false

    private init(handle: OpaquePointer, statementCacheCapacity: Int, counter: StatementCounter?) {
        self.handle = handle
        self.statements = PreparedStatementCache(capacity: statementCacheCapacity)
        self.counter = counter
    }

    deinit { PQfinish(handle) }

    /// Opens a standalone connection (outside any pool); it closes when released.
    public static func connect(_ configuration: PostgresConfiguration) throws -> PostgresConnection {
        try open(configuration, counter: nil)
    }

    static func open(_ configuration: PostgresConfiguration, counter: StatementCounter?) throws -> PostgresConnection {
        // Order matters: entries after `dbname` override the connection string, entries before
        // it are defaults the string may override (libpq processes keywords in order).
        var keywords = ["connect_timeout", "client_encoding", "dbname"]
        var values = [String(max(1, Int(configuration.connectTimeout.rounded(.up)))), "UTF8",
                      configuration.connectionString]
        if let applicationName = configuration.applicationName {
            keywords.append("application_name")
            values.append(applicationName)
        }
        let handle = withCStringArray(keywords) { keywordPointers in
            withCStringArray(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let handle else { throw PostgresError.connectionFailed("libpq could not allocate a connection") }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = errorMessage(handle)
            PQfinish(handle)
            throw PostgresError.connectionFailed(message)
        }
        // Child processes (scripts, a spawned server) must not inherit the session's socket.
        let socket = PQsocket(handle)
        if socket >= 0 { _ = fcntl(socket, F_SETFD, fcntl(socket, F_GETFD) | FD_CLOEXEC) }
        let connection = PostgresConnection(handle: handle,
                                            statementCacheCapacity: configuration.statementCacheCapacity,
                                            counter: counter)
        // libpq prints server notices to stderr by default; we drop them, except that a FATAL
        // arriving on an idle session (pg_terminate_backend, server shutdown) marks it dead even
        // before the server's close reaches us.
        PQsetNoticeReceiver(handle, { argument, result in
            guard let argument, let result,
                  let severity = PQresultErrorField(result, Int32(UInt8(ascii: "V"))) else { return }
            let text = String(cString: severity)
            if text == "FATAL" || text == "PANIC" {
                Unmanaged<PostgresConnection>.fromOpaque(argument).takeUnretainedValue().isBroken = true
            }
        }, Unmanaged.passUnretained(connection).toOpaque())
        do {
            // Row decoding reads timestamps in the ISO output form.
            try connection.runSimple("SET DateStyle TO ISO")
        } catch {
            throw PostgresError.connectionFailed("session set-up failed: \(error)")
        }
        return connection
    }

    // MARK: Statements

    /// Runs one parameterized statement (`$1`, `$2`, … placeholders) as a prepared statement.
    @discardableResult
    public func query(_ sql: String, _ parameters: [PostgresValue] = []) throws -> PostgresResult {
        counter?.increment()
        return try runPrepared(sql, parameters)
    }

    /// Runs SQL text through the simple protocol: several statements separated by `;` are
    /// allowed, parameters are not. Meant for migration files and fixed DDL, never for SQL built
    /// from request data. Returns the last statement's result.
    @discardableResult
    public func execute(_ sql: String) throws -> PostgresResult {
        counter?.increment()
        return try runSimple(sql)
    }

    /// BEGIN, `body`, COMMIT; ROLLBACK when `body` throws. A transaction that failed inside
    /// `body` (error swallowed there) is rolled back and reported, never "committed".
    @discardableResult
    public func withTransaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try runSimple("BEGIN")
        let value: T
        do {
            value = try body(self)
        } catch {
            rollback()
            throw error
        }
        if PQtransactionStatus(handle) == PQTRANS_INERROR {
            rollback()
            throw PostgresError.queryFailed(sqlState: "25P02",
                                            message: "the transaction failed inside withTransaction and was rolled back",
                                            detail: nil)
        }
        let commit = try runSimple("COMMIT")
        let tag = String(cString: PQcmdStatus(commit.storage.handle))
        guard tag == "COMMIT" else {
            throw PostgresError.queryFailed(sqlState: "40000", message: "COMMIT ended as \(tag)", detail: nil)
        }
        return value
    }

    // MARK: Session state (used by the pool)

    /// True when no transaction is open, so the connection can go back to the pool as is.
    var isIdle: Bool { PQtransactionStatus(handle) == PQTRANS_IDLE }

    /// Rolls back an open or failed transaction; marks the connection broken when that fails.
    func rollback() {
        let status = PQtransactionStatus(handle)
        guard status == PQTRANS_INTRANS || status == PQTRANS_INERROR else { return }
        do {
            try runSimple("ROLLBACK")
        } catch {
            isBroken = true
        }
        if !isIdle { isBroken = true }
    }

    /// Cheap liveness check for an idle connection, without a round trip: an idle session has
    /// nothing to read, so readable data means the server closed it (or sent a notice/notify,
    /// which gets consumed). Catches `pg_terminate_backend` and server restarts before a caller
    /// trips over them.
    func isAlive() -> Bool {
        if isBroken || PQstatus(handle) != CONNECTION_OK { return false }
        let socket = PQsocket(handle)
        guard socket >= 0 else { return false }
        // A terminated backend sends its FATAL message and then closes: the first read consumes
        // the message, a second one sees the end of the stream. Bounded, in case of a chatty server.
        for _ in 0..<4 {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { return true }
            if PQconsumeInput(handle) == 0 || PQstatus(handle) != CONNECTION_OK {
                isBroken = true
                return false
            }
            // Parsing the input here hands an unsolicited FATAL to the notice receiver.
            while let notification = PQnotifies(handle) { PQfreemem(notification) }
            if isBroken { return false }
        }
        return true
    }

    // MARK: Internals

    private func runPrepared(_ sql: String, _ parameters: [PostgresValue]) throws -> PostgresResult {
        let key = PreparedStatementCache.Key(sql: sql, parameterTypes: parameters.map(\.typeOID))
        let name = try statements.lookup(key) ?? prepare(key)
        do {
            return try executePrepared(name, parameters)
        } catch PostgresError.queryFailed(let sqlState, _, _)
                    where SQLState.meansStalePreparedStatement(sqlState) && isIdle {
            // DDL changed a table under a cached plan; outside a transaction the failed
            // statement had no effect, so re-preparing and running it once more is safe.
            statements.remove(key)
            _ = try? runSimple("DEALLOCATE \(name)")
            return try executePrepared(prepare(key), parameters)
        }
    }

    private func prepare(_ key: PreparedStatementCache.Key) throws -> String {
        try ensureUsable()
        let name = statements.makeName()
        let result = key.parameterTypes.withUnsafeBufferPointer { types in
            PQprepare(handle, name, key.sql, Int32(types.count), types.baseAddress)
        }
        _ = try check(result)
        if let evicted = statements.insert(key, name: name) {
            _ = try? runSimple("DEALLOCATE \(evicted)")
        }
        return name
    }

    private func executePrepared(_ name: String, _ parameters: [PostgresValue]) throws -> PostgresResult {
        try ensureUsable()
        let result = withParameterArrays(parameters) { count, values, lengths, formats in
            PQexecPrepared(handle, name, count, values, lengths, formats, 0)
        }
        return try check(result)
    }

    @discardableResult
    func runSimple(_ sql: String) throws -> PostgresResult {
        try ensureUsable()
        return try check(PQexec(handle, sql))
    }

    private func ensureUsable() throws {
        if isBroken { throw PostgresError.connectionLost("the connection was lost earlier") }
    }

    /// Turns a libpq result into a `PostgresResult` or the matching error, tracking whether the
    /// session survived.
    private func check(_ result: OpaquePointer?) throws -> PostgresResult {
        guard let result else {
            if PQstatus(handle) != CONNECTION_OK { isBroken = true }
            throw PostgresError.connectionLost(Self.errorMessage(handle))
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PostgresResult(storage: ResultStorage(handle: result))
        default:
            let sqlState = Self.errorField(result, "C")
            let message = Self.errorField(result, "M") ?? Self.trimmed(String(cString: PQresultErrorMessage(result)))
            let detail = Self.errorField(result, "D")
            PQclear(result)
            if PQstatus(handle) != CONNECTION_OK || sqlState.map(SQLState.meansSessionTerminated) == true {
                isBroken = true
                throw PostgresError.connectionLost(message.isEmpty ? Self.errorMessage(handle) : message)
            }
            throw PostgresError.queryFailed(sqlState: sqlState ?? "XX000", message: message, detail: detail)
        }
    }

    private static func errorField(_ result: OpaquePointer, _ code: Unicode.Scalar) -> String? {
        guard let field = PQresultErrorField(result, Int32(code.value)) else { return nil }
        return String(cString: field)
    }

    private static func errorMessage(_ handle: OpaquePointer) -> String {
        trimmed(String(cString: PQerrorMessage(handle)))
    }

    private static func trimmed(_ message: String) -> String {
        var text = Substring(message)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}

/// Lays the encoded parameters out in one buffer and hands libpq the pointer/length/format arrays.
private func withParameterArrays<R>(
    _ parameters: [PostgresValue],
    _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> R
) -> R {
    if parameters.isEmpty { return body(0, nil, nil, nil) }
    var storage: [UInt8] = []
    var offsets: [Int] = []
    var lengths: [Int32] = []
    var formats: [Int32] = []
    offsets.reserveCapacity(parameters.count)
    lengths.reserveCapacity(parameters.count)
    formats.reserveCapacity(parameters.count)
    for parameter in parameters {
        let start = storage.count
        if parameter.encode(into: &storage) {
            lengths.append(Int32(storage.count - start))
            storage.append(0)  // text-format values are read as C strings
            offsets.append(start)
        } else {
            lengths.append(0)
            offsets.append(-1)
        }
        formats.append(parameter.isBinary ? 1 : 0)
    }
    return storage.withUnsafeBufferPointer { buffer in
        let base = buffer.baseAddress.map(UnsafeRawPointer.init)
        let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
            offset < 0 ? nil : base.map { ($0 + offset).assumingMemoryBound(to: CChar.self) }
        }
        return pointers.withUnsafeBufferPointer { values in
            lengths.withUnsafeBufferPointer { lengthPointer in
                formats.withUnsafeBufferPointer { formatPointer in
                    body(Int32(parameters.count), values.baseAddress, lengthPointer.baseAddress, formatPointer.baseAddress)
                }
            }
        }
    }
}

/// A NULL-terminated `const char *const *` for libpq's keyword/value arrays.
private func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let duplicates = strings.map { strdup($0) }
    defer { duplicates.forEach { free($0) } }
    let pointers: [UnsafePointer<CChar>?] = duplicates.map { $0.map { UnsafePointer($0) } } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
