import Foundation

/// A setting with an invalid value; `message` names the variable and what it accepts.
public struct SettingsError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Every setting of the server, read from the environment, with a `.env` file in the working
/// directory read first (the real environment wins). `.env.example` lists them all.
public struct Settings: Sendable, Equatable {
    /// libpq connection string (URL or `key=value` form).
    public var databaseURL: String
    public var httpHost: String
    public var httpPort: Int
    /// Threads that run handlers (and so may wait on the database).
    public var httpWorkerThreads: Int
    /// Event-loop threads; 0 lets the server choose (see `HTTPServerConfiguration.ioThreads`).
    public var httpIOThreads: Int
    public var dbPoolMin: Int
    public var dbPoolMax: Int
    public var dbAcquireTimeoutMilliseconds: Int
    /// 0 disables rate limiting.
    public var rateLimitRequests: Int
    public var rateLimitWindowSeconds: Double
    public var trustedProxies: [IPNetwork]
    /// 0 (either of the two) disables the GET-by-id cache.
    public var cacheTTLSeconds: Double
    public var cacheMaxEntries: Int
    /// How long a list filter's total is reused (0: count on every list).
    public var listTotalTTLSeconds: Double
    /// Largest JSON request body.
    public var maxBodyBytes: Int
    /// Largest upload (file endpoints); the HTTP server reads no body larger than this.
    public var maxUploadBytes: Int
    public var logLevel: LogLevel
    public var logFormat: LogFormat
    /// Apply pending migrations when `serve` starts.
    public var migrateOnStart: Bool
    public var migrationsDirectory: String
    /// `POST /api/v1/infer` notifications (WEBHOOK_URL and its retry policy).
    public var inference: InferenceSettings

    public static let defaultDatabaseURL = "postgresql://postgres@127.0.0.1:5433/invoice_master"

    /// Reads `environment`, falling back to the `.env` file at `dotEnvPath` for names the
    /// environment lacks.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment,
                            dotEnvPath: String? = ".env") throws -> Settings {
        var merged = try dotEnvPath.map { try DotEnvFile.load(path: $0) } ?? [:]
        merged.merge(environment) { _, fromEnvironment in fromEnvironment }
        return try Settings(variables: merged)
    }

    /// Parses settings from exactly these variables (no `.env`).
    public init(variables: [String: String]) throws {
        let reader = SettingsReader(variables)
        databaseURL = try reader.databaseURL()
        httpHost = reader.string("HTTP_HOST", default: "127.0.0.1")
        httpPort = try reader.int("HTTP_PORT", default: 8080, range: 0...65535)
        httpWorkerThreads = try reader.int("HTTP_WORKER_THREADS", default: 20, range: 1...1024)
        httpIOThreads = try reader.int("HTTP_IO_THREADS", default: 0, range: 0...1024)
        dbPoolMin = try reader.int("DB_POOL_MIN", default: 2, range: 0...1000)
        dbPoolMax = try reader.int("DB_POOL_MAX", default: 10, range: 1...1000)
        if dbPoolMin > dbPoolMax {
            throw SettingsError("invalid DB_POOL_MIN=\(dbPoolMin): expected an integer <= DB_POOL_MAX (\(dbPoolMax))")
        }
        dbAcquireTimeoutMilliseconds = try reader.int("DB_ACQUIRE_TIMEOUT_MS", default: 10_000, range: 1...3_600_000)
        rateLimitRequests = try reader.int("RATE_LIMIT_REQUESTS", default: 100, range: 0...Int(Int32.max))
        rateLimitWindowSeconds = try reader.double("RATE_LIMIT_WINDOW_SECONDS", default: 60, minimum: 0.001)
        trustedProxies = try reader.networks("TRUSTED_PROXIES")
        cacheTTLSeconds = try reader.double("CACHE_TTL_SECONDS", default: 300, minimum: 0)
        cacheMaxEntries = try reader.int("CACHE_MAX_ENTRIES", default: 1000, range: 0...10_000_000)
        listTotalTTLSeconds = try reader.double("LIST_TOTAL_TTL_SECONDS", default: 1, minimum: 0)
        maxBodyBytes = try reader.int("MAX_BODY_BYTES", default: 1 << 20, range: 1...(1 << 30))
        maxUploadBytes = try reader.int("MAX_UPLOAD_BYTES", default: 25 << 20, range: 1...(1 << 31))
        logLevel = try reader.choice("LOG_LEVEL", default: .info, LogLevel.allCases.map { ($0.name, $0) })
        logFormat = try reader.choice("LOG_FORMAT", default: .json, LogFormat.allCases.map { ($0.rawValue, $0) })
        migrateOnStart = try reader.bool("MIGRATE_ON_START", default: true)
        migrationsDirectory = reader.string("MIGRATIONS_DIR", default: "migrations")
        inference = try InferenceSettings(reader: reader)
    }

    public var rateLimitEnabled: Bool { rateLimitRequests > 0 }
    public var cacheEnabled: Bool { cacheMaxEntries > 0 && cacheTTLSeconds > 0 }
}

/// Typed reads of the variables; every failure names the variable and what it accepts.
struct SettingsReader {
    let variables: [String: String]

    init(_ variables: [String: String]) { self.variables = variables }

    /// The trimmed value, or nil when unset or empty (empty means "use the default").
    func raw(_ name: String) -> String? {
        guard let value = variables[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    func string(_ name: String, default value: String) -> String { raw(name) ?? value }

    func int(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = raw(name) else { return value }
        guard let parsed = Int(text), range.contains(parsed) else {
            throw SettingsError("invalid \(name)='\(text)': expected an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return parsed
    }

    func double(_ name: String, default value: Double, minimum: Double) throws -> Double {
        guard let text = raw(name) else { return value }
        guard let parsed = Double(text), parsed.isFinite, parsed >= minimum else {
            throw SettingsError("invalid \(name)='\(text)': expected a number >= \(minimum.formatted())")
        }
        return parsed
    }

    func bool(_ name: String, default value: Bool) throws -> Bool {
        guard let text = raw(name) else { return value }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw SettingsError("invalid \(name)='\(text)': expected true or false (also 1/0, yes/no, on/off)")
        }
    }

    func choice<T>(_ name: String, default value: T, _ choices: [(String, T)]) throws -> T {
        guard let text = raw(name) else { return value }
        guard let match = choices.first(where: { $0.0.lowercased() == text.lowercased() }) else {
            throw SettingsError("invalid \(name)='\(text)': expected one of \(choices.map(\.0).joined(separator: "|"))")
        }
        return match.1
    }

    func networks(_ name: String) throws -> [IPNetwork] {
        guard let text = raw(name) else { return [] }
        return try text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { part in
                guard let network = IPNetwork(part) else {
                    throw SettingsError("invalid \(name)='\(text)': expected comma-separated IP addresses or CIDRs ('\(part)' is neither)")
                }
                return network
            }
    }

    /// `DATABASE_URL`, else a connection string from `DB_HOST`/`DB_PORT`/`DB_NAME`/`DB_USER`/
    /// `DB_PASSWORD`, else the local development cluster.
    func databaseURL() throws -> String {
        if let url = raw("DATABASE_URL") { return url }
        let names = ["DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD"]
        guard names.contains(where: { raw($0) != nil }) else { return Settings.defaultDatabaseURL }
        let port = try int("DB_PORT", default: 5432, range: 1...65535)
        var parts = [
            ("host", string("DB_HOST", default: "127.0.0.1")),
            ("port", String(port)),
            ("dbname", string("DB_NAME", default: "invoice_master")),
            ("user", string("DB_USER", default: "postgres")),
        ]
        if let password = variables["DB_PASSWORD"], !password.isEmpty { parts.append(("password", password)) }
        return parts.map { "\($0.0)=\(Self.quoteConnectionValue($0.1))" }.joined(separator: " ")
    }

    /// libpq `key=value` quoting: single quotes, with `\` and `'` escaped.
    static func quoteConnectionValue(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
