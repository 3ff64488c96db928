#if canImport(Glibc)
import Glibc
#endif

/// The `Date` header line (RFC 9110 §5.6.7 IMF-fixdate), formatted once per second.
/// Each event loop owns one, so no locking is needed.
struct HTTPDateCache {
    private(set) var line: [UInt8] = []
    private var second: Int = -1

    /// Refreshes the line if the wall-clock second changed.
    mutating func update(now: Int) {
        if now == second { return }
        second = now
        line = Self.formatLine(epochSeconds: now)
    }

    static func formatLine(epochSeconds: Int) -> [UInt8] {
        var time = time_t(epochSeconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func twoDigits(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let text = "Date: \(days[Int(parts.tm_wday)]), \(twoDigits(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec)) GMT\r\n"
        return Array(text.utf8)
    }
}
