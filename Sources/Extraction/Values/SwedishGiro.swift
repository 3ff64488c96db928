/// Swedish payment numbers: Bankgiro and Plusgiro account numbers and OCR references, all
/// carrying a Luhn check digit.
public enum SwedishGiro {
    /// A Bankgiro number in its printed form `NNN-NNNN` / `NNNN-NNNN` (7 or 8 digits, Luhn).
    /// Accepts it without the dash or with spaces.
    public static func bankgiro(_ text: String) -> String? {
        let digits = text.filter(\.isASCIIDigit)
        guard text.allSatisfy({ $0.isASCIIDigit || $0 == "-" || $0 == " " }),
              digits.count == 7 || digits.count == 8, CheckDigits.luhnIsValid(digits) else { return nil }
        return String(digits.dropLast(4)) + "-" + String(digits.suffix(4))
    }

    /// A Plusgiro number (2–8 digits, printed `NN NN NN-N`), digits only.
    public static func plusgiro(_ text: String) -> String? {
        let digits = text.filter(\.isASCIIDigit)
        guard text.allSatisfy({ $0.isASCIIDigit || $0 == "-" || $0 == " " }),
              (2...8).contains(digits.count), CheckDigits.luhnIsValid(digits) else { return nil }
        return digits
    }

    /// An OCR payment reference: 2–25 digits ending in a Luhn check digit.
    public static func ocrReference(_ text: String) -> String? {
        let digits = text.filter { !$0.isWhitespace }
        guard (2...25).contains(digits.count), digits.allSatisfy(\.isASCIIDigit),
              CheckDigits.luhnIsValid(digits) else { return nil }
        return digits
    }
}
