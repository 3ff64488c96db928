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
        writer.writeLine { line in
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
        }
    }

    /// Any other event: `{timestamp, level, message, ...context}`.
    public func log(_ level: LogLevel, _ message: String, _ context: [(String, JSONValue)] = []) {
        guard isEnabled(level) else { return }
        writer.writeLine { line in
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
        }
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
        line.raw("\",\"level\":\"")
        line.rawJSON(level.name)
        line.raw("\"")
    }

    /// `1234` µs → `1.234`.
    static func appendMilliseconds(_ microseconds: Int, to line: inout JSONWriter) {
        line.int(microseconds / 1000)
        line.raw(".")
        line.digits(microseconds % 1000, width: 3)
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
    /// Appends `2024-05-01T12:00:00.123Z`. Pure arithmetic on the epoch (no `gmtime_r`, which
    /// takes glibc's time-zone lock on every call): this runs once per access-log line.
    public static func appendNow(to line: inout JSONWriter) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        appendTimestamp(seconds: Int(now.tv_sec), milliseconds: Int(now.tv_nsec / 1_000_000), to: &line)
    }

    /// `seconds` since 1970-01-01T00:00:00Z (UTC, no leap seconds) as ISO 8601 with milliseconds.
    static func appendTimestamp(seconds: Int, milliseconds: Int, to line: inout JSONWriter) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        // Filled in place and appended once: `YYYY-MM-DDTHH:MM:SS.mmmZ` is 24 bytes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { text in
            func put(_ value: Int, at end: Int, width: Int) {
                var remaining = value
                for position in stride(from: end, to: end - width, by: -1) {
                    text[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining % 10)
                    remaining /= 10
                }
            }
            put(year, at: 3, width: 4); text[4] = UInt8(ascii: "-")
            put(month, at: 6, width: 2); text[7] = UInt8(ascii: "-")
            put(day, at: 9, width: 2); text[10] = UInt8(ascii: "T")
            put(secondOfDay / 3600, at: 12, width: 2); text[13] = UInt8(ascii: ":")
            put(secondOfDay / 60 % 60, at: 15, width: 2); text[16] = UInt8(ascii: ":")
            put(secondOfDay % 60, at: 18, width: 2); text[19] = UInt8(ascii: ".")
            put(milliseconds, at: 22, width: 3); text[23] = UInt8(ascii: "Z")
            line.raw(UnsafeBufferPointer(text))
        }
    }

    /// Proleptic Gregorian (year, month, day) of a day count from 1970-01-01: Howard Hinnant's
    /// `civil_from_days` (eras of 400 years, March-based years so the leap day comes last).
    static func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Microseconds from an arbitrary fixed point; only differences mean anything.
    public static func monotonicMicroseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1_000_000 + Int(now.tv_nsec) / 1000
    }
}
