/// The Swiss QR-bill reference: 27 digits, the last a check digit by the recursive mod-10
/// algorithm (the ISR/ESR scheme).
public enum SwissQRReference {
    private static let carryTable = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5]

    /// True for 27 digits with a correct check digit (spaces must already be removed).
    public static func isValid(_ digits: String) -> Bool {
        let values = digits.compactMap { $0.isASCIIDigit ? Int($0.asciiValue! - 48) : nil }
        guard values.count == 27, digits.count == 27 else { return false }
        var carry = 0
        for d in values.dropLast() { carry = carryTable[(carry + d) % 10] }
        return (10 - carry) % 10 == values[26]
    }
}
