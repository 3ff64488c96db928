/// The RF creditor reference (ISO 11649): `RF` + two check digits + up to 21 characters,
/// checked with mod 97 like an IBAN.
public enum CreditorReference {
    /// The reference without spaces if `text` is a valid RF reference.
    public static func normalized(_ text: String) -> String? {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard compact.hasPrefix("RF"), (5...25).contains(compact.count),
              compact.dropFirst(2).prefix(2).allSatisfy(\.isASCIIDigit),
              compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              CheckDigits.mod97IsValid(compact) else { return nil }
        return compact
    }
}
