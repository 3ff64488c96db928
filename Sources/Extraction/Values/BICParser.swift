/// Business Identifier Codes (ISO 9362): 4-letter institution, 2-letter country,
/// 2-character location, optional 3-character branch.
public enum BICParser {
    /// The BIC in upper case if `text` (one token) is shaped like one with a known country.
    public static func normalized(_ text: String) -> String? {
        let code = text.uppercased().filter { !$0.isWhitespace }
        let chars = Array(code)
        guard chars.count == 8 || chars.count == 11,
              chars.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              chars[0..<6].allSatisfy(\.isLetter) else { return nil }
        let country = String(chars[4..<6])
        guard IBANValidator.lengths[country] != nil || nonIBANCountries.contains(country) else { return nil }
        // Real BICs mix letters and digits in the location; an all-letter 8-character word
        // (`PAYMENTS`) would be too easy to mistake, so require the document to label it
        // (the caller's job) — here only the shape is checked.
        return code
    }

    /// Countries with BICs but no IBAN.
    static let nonIBANCountries: Set<String> = ["US", "CA", "AU", "NZ", "JP", "CN", "HK", "SG", "IN", "ZA", "MX"]
}
