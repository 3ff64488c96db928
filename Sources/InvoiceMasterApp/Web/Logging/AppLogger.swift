#if canImport(Glibc)
import Glibc
#endif

public enum LogLevel: Int, Comparable, Sendable, CaseIterable {
    case debug, info, warning, error, critical

    public var name: String {
        switch self {
        case .debug: return "DEBUG"
        case .info: return "INFO"
        case .warning: return "WARNING"
        case .error: return "ERROR"
        case .critical: return "CRITICAL"
        }
    }

    public init?(name: String) {
        guard let level = Self.allCases.first(where: { $0.name == name.uppercased() }) else { return nil }
        self = level
    }

    public static func < (a: LogLevel, b: LogLevel) -> Bool { a.rawValue < b.rawValue }
}

public enum LogFormat: String, Sendable, CaseIterable {
    case json, text
}

/// One line per event on a `LogWriter`: JSON objects `{timestamp, level, ...}` or the same
/// values space-separated (`LOG_FORMAT=text`).
public struct AppLogger: Sendable {
    public let level: LogLevel
    public let format: LogFormat
    private let writer: LogWriter

    public init(level: LogLevel, format: LogFormat, writer: LogWriter) {
        self.level = level; self.format = format; self.writer = writer
    }

    public func isEnabled(_ level: LogLevel) -> Bool { level >= self.level }

    /// An access line: `{timestamp, level, request_id, method, path, status, duration_ms, remote}`.
    public func access(requestID: String, method: String, path: String, status: Int,
                       durationMicroseconds: Int, remote: String) {
        guard isEnabled(.info) else { return }
        var line = JSONWriter(capacity: 192)
        switch format {
        case .json:
            Self.beginJSONLine(.info, to: &line)
            line.raw(",\"request_id\":")
            line.string(requestID)
            line.raw(",\"method\":")
            line.string(method)
            line.raw(",\"path\":")
            line.string(path)
            line.raw(",\"status\":")
            line.int(status)
            line.raw(",\"duration_ms\":")
            Self.appendMilliseconds(durationMicroseconds, to: &line)
            line.raw(",\"remote\":")
            line.string(remote)
            line.raw("}")
        case .text:
            UTCClock.appendNow(to: &line)
            line.raw(" INFO ")
            Self.appendText(requestID, to: &line)
            line.raw(" ")
            Self.appendText(method, to: &line)
            line.raw(" ")
            Self.appendText(path, to: &line)
            line.raw(" ")
            line.int(status)
            line.raw(" ")
            Self.appendMilliseconds(durationMicroseconds, to: &line)
            line.raw(" ")
            Self.appendText(remote, to: &line)
        }
        writer.write(line: line.bytes)
    }

    /// Any other event: `{timestamp, level, message, ...context}`.
    public func log(_ level: LogLevel, _ message: String, _ context: [(String, JSONValue)] = []) {
        guard isEnabled(level) else { return }
        var line = JSONWriter(capacity: 256)
        switch format {
        case .json:
            Self.beginJSONLine(level, to: &line)
            line.raw(",\"message\":")
            line.string(message)
            for (key, value) in context {
                line.comma()
                line.string(key)
                line.raw(":")
                line.value(value)
            }
            line.raw("}")
        case .text:
            UTCClock.appendNow(to: &line)
            line.raw(" ")
            line.rawJSON(level.name)
            line.raw(" ")
            Self.appendText(message, to: &line)
            for (key, value) in context {
                line.raw(" ")
                Self.appendText(key, to: &line)
                line.raw("=")
                if case .string(let text) = value { Self.appendText(text, to: &line) } else { line.value(value) }
            }
        }
        writer.write(line: line.bytes)
    }

    public func debug(_ message: String, _ context: [(String, JSONValue)] = []) { log(.debug, message, context) }
    public func info(_ message: String, _ context: [(String, JSONValue)] = []) { log(.info, message, context) }
    public func warning(_ message: String, _ context: [(String, JSONValue)] = []) { log(.warning, message, context) }
    public func error(_ message: String, _ context: [(String, JSONValue)] = []) { log(.error, message, context) }

    public func flush() { writer.flush() }

    /// `{"timestamp":"…","level":"…"` — the start every JSON line shares.
    private static func beginJSONLine(_ level: LogLevel, to line: inout JSONWriter) {
        line.raw("{\"timestamp\":\"")
        UTCClock.appendNow(to: &line)
        line.raw("\",\"level\":")
        line.rawJSON("\"" + level.name + "\"")
    }

    /// `1234` µs → `1.234`.
    static func appendMilliseconds(_ microseconds: Int, to line: inout JSONWriter) {
        line.int(microseconds / 1000)
        line.raw(".")
        let fraction = microseconds % 1000
        if fraction < 100 { line.raw("0") }
        if fraction < 10 { line.raw("0") }
        line.int(fraction)
    }

    /// Text lines stay one line: control characters (a newline in a path) are escaped.
    private static func appendText(_ text: String, to line: inout JSONWriter) {
        if text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            line.string(text)
        } else {
            line.rawJSON(text)
        }
    }
}

/// Wall-clock time as ISO 8601 UTC with milliseconds, and a monotonic clock for durations.
public enum UTCClock {
    /// Appends `2024-05-01T12:00:00.123Z`.
    public static func appendNow(to line: inout JSONWriter) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) { line.int(Int(value / 10)); line.int(Int(value % 10)) }
        line.int(Int(parts.tm_year) + 1900)
        line.raw("-"); two(parts.tm_mon + 1)
        line.raw("-"); two(parts.tm_mday)
        line.raw("T"); two(parts.tm_hour)
        line.raw(":"); two(parts.tm_min)
        line.raw(":"); two(parts.tm_sec)
        line.raw(".")
        let millis = Int(now.tv_nsec / 1_000_000)
        line.int(millis / 100); line.int(millis / 10 % 10); line.int(millis % 10)
        line.raw("Z")
    }

    /// Microseconds from an arbitrary fixed point; only differences mean anything.
    public static func monotonicMicroseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1_000_000 + Int(now.tv_nsec) / 1000
    }
}
