/// Check-digit algorithms used by payment identifiers.
public enum CheckDigits {
    /// Luhn (mod 10) over a string of decimal digits, the last one being the check digit;
    /// Swedish Bankgiro/Plusgiro numbers and OCR references use it.
    public static func luhnIsValid(_ digits: String) -> Bool {
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return false }
        var sum = 0
        for (offset, c) in digits.reversed().enumerated() {
            var d = Int(c.asciiValue! - 48)
            if offset % 2 == 1 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return sum % 10 == 0
    }

    /// ISO 7064 mod 97-10 as IBAN (ISO 13616) and the RF creditor reference (ISO 11649) use it:
    /// the first four characters moved to the end, letters as 10…35, the number mod 97 must be 1.
    public static func mod97IsValid(_ alphanumeric: String) -> Bool {
        let chars = Array(alphanumeric)
        guard chars.count > 4 else { return false }
        var remainder = 0
        for c in chars[4...] + chars[..<4] {
            guard let value = alphanumericValue(c) else { return false }
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97
        }
        return remainder == 1
    }

    private static func alphanumericValue(_ c: Character) -> Int? {
        guard let a = c.asciiValue else { return nil }
        switch a {
        case 48...57: return Int(a - 48)
        case 65...90: return Int(a - 55)
        default: return nil
        }
    }
}
