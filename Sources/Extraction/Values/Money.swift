/// An exact amount of money in minor units (cents); invoices print at most two decimals.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var cents: Int64
    public init(cents: Int64) { self.cents = cents }

    /// Canonical form: `.` decimal separator, exactly two decimals, no grouping: `-1234.50`.
    public var description: String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public var isZero: Bool { cents == 0 }
}

/// Which character separates decimals in a document's numbers, when a number alone cannot tell
/// (`1.234` is 1234 in German, 1.234 in English).
public enum DecimalSeparator: Sendable, Equatable { case point, comma }
