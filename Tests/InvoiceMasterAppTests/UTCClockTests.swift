import Glibc
import XCTest
@testable import InvoiceMasterApp

final class UTCClockTests: XCTestCase {
    private func timestamp(_ seconds: Int, _ milliseconds: Int = 0) -> String {
        var line = JSONWriter()
        UTCClock.appendTimestamp(seconds: seconds, milliseconds: milliseconds, to: &line)
        return String(decoding: line.bytes, as: UTF8.self)
    }

    /// What glibc's gmtime_r says, for comparison.
    private func reference(_ seconds: Int, _ milliseconds: Int = 0) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(milliseconds), 3))Z"
    }

    func testKnownInstants() {
        let cases: [(seconds: Int, milliseconds: Int, text: String)] = [
            (0, 0, "1970-01-01T00:00:00.000Z"),
            (951_782_400, 7, "2000-02-29T00:00:00.007Z"),          // leap day of a century leap year
            (4_107_542_399, 999, "2100-02-28T23:59:59.999Z"),       // 2100 is not a leap year
            (4_107_542_400, 0, "2100-03-01T00:00:00.000Z"),
            (1_798_761_599, 120, "2026-12-31T23:59:59.120Z"),
            (-1, 0, "1969-12-31T23:59:59.000Z"),
        ]
        for item in cases {
            XCTAssertEqual(timestamp(item.seconds, item.milliseconds), item.text, "\(item.seconds)")
        }
    }

    func testAgreesWithGmtimeAcrossFourHundredYears() {
        // Every day boundary's neighbourhood over a whole Gregorian cycle, plus odd seconds.
        var generator = SystemRandomNumberGenerator()
        for day in stride(from: -3_653, to: 146_097 - 3_653, by: 1) {
            let seconds = day * 86_400 + Int.random(in: 0..<86_400, using: &generator)
            let ours = timestamp(seconds, 5), glibc = reference(seconds, 5)
            if ours != glibc { return XCTFail("\(seconds): \(ours) != \(glibc)") }
        }
    }

    func testNowIsWellFormed() {
        var line = JSONWriter()
        UTCClock.appendNow(to: &line)
        let text = String(decoding: line.bytes, as: UTF8.self)
        XCTAssertNotNil(text.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression), text)
    }
}
