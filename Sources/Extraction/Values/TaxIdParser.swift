/// A seller's tax identifier as read from the page.
public struct ParsedTaxId: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An EU (or UK, Swiss, Norwegian) VAT number with its country prefix.
        case vat
        /// A US Employer Identification Number, `NN-NNNNNNN`.
        case ein
        /// A VAT number printed without the country prefix (`B12345678` after `NIF:`); only
        /// trusted behind a VAT label.
        case withoutPrefix
    }
    public var value: String
    public var kind: Kind
}

/// VAT numbers by country format (EU member states, GB/XI, CH, NO) and the US EIN.
/// Formats only: check digits differ per country and many issuers print test ids, so a
/// well-formed number is accepted as printed.
public enum TaxIdParser {
    /// Body pattern after the country prefix, as a sequence of character classes:
    /// `9` digit, `A` letter, `X` letter or digit, a literal otherwise.
    static let vatFormats: [String: [String]] = [
        "AT": ["U99999999"], "BE": ["9999999999"], "BG": ["999999999", "9999999999"],
        "CY": ["99999999A"], "CZ": ["99999999", "999999999", "9999999999"], "DE": ["999999999"],
        "DK": ["99999999"], "EE": ["999999999"], "EL": ["999999999"], "GR": ["999999999"],
        "ES": ["X9999999X"], "FI": ["99999999"], "FR": ["XX999999999"], "HR": ["99999999999"],
        "HU": ["99999999"], "IE": ["9999999A", "9999999AA", "9X99999A"], "IT": ["99999999999"],
        "LT": ["999999999", "999999999999"], "LU": ["99999999"], "LV": ["99999999999"],
        "MT": ["99999999"], "NL": ["999999999B99"], "PL": ["9999999999"], "PT": ["999999999"],
        "RO": ["99", "999", "9999", "99999", "999999", "9999999", "99999999", "999999999", "9999999999"],
        "SE": ["999999999901"], "SI": ["99999999"], "SK": ["9999999999"],
        "GB": ["999999999", "999999999999", "GD999", "HA999"], "XI": ["999999999", "999999999999"],
        "CHE": ["999999999", "999999999MWST", "999999999TVA", "999999999IVA"], "NO": ["999999999MVA", "999999999"],
    ]

    /// A VAT number with its country prefix, normalized (upper case, no spaces, dots or dashes:
    /// `DE 123 456 789` → `DE123456789`, `CHE-123.456.789 MWST` → `CHE123456789MWST`).
    public static func vatNumber(_ text: String) -> String? {
        let compact = text.uppercased().filter { $0.isLetter || $0.isNumber }
        guard compact.count >= 4, compact.allSatisfy(\.isASCII) else { return nil }
        for prefixLength in [3, 2] {
            let prefix = String(compact.prefix(prefixLength))
            guard let formats = vatFormats[prefix] else { continue }
            let body = String(compact.dropFirst(prefixLength))
            if formats.contains(where: { matches(body, $0) }) { return compact }
        }
        return nil
    }

    /// A US EIN `NN-NNNNNNN` (the dash is how it is recognised).
    public static func ein(_ text: String) -> String? {
        // Ten bytes once trimmed: shorter text is no EIN, and skips the trimming.
        guard text.utf8.count >= 10 else { return nil }
        var trimmed = text.drop(while: { $0 == " " })
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        let t = String(trimmed)
        guard t.utf8.count == 10 else { return nil }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 7,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return t
    }

    /// Any tax id form `text` holds: a prefixed VAT number, an EIN, or (when `allowUnprefixed`,
    /// i.e. behind a VAT label) a national VAT body of 8–12 characters, mostly digits.
    public static func taxId(_ text: String, allowUnprefixed: Bool) -> ParsedTaxId? {
        if let v = vatNumber(text) { return ParsedTaxId(value: v, kind: .vat) }
        if let e = ein(text) { return ParsedTaxId(value: e, kind: .ein) }
        guard allowUnprefixed else { return nil }
        let compact = text.uppercased().filter { $0.isLetter || $0.isNumber }
        // A country prefix with a malformed body is a broken (or wrapped) VAT number, not a
        // national one.
        if vatFormats[String(compact.prefix(2))] != nil || compact.hasPrefix("CHE") { return nil }
        let digits = compact.filter(\.isASCIIDigit).count
        guard (8...12).contains(compact.count), digits >= compact.count - 2, compact.allSatisfy(\.isASCII),
              text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "." || $0 == "-" })
        else { return nil }
        return ParsedTaxId(value: compact, kind: .withoutPrefix)
    }

    private static func matches(_ body: String, _ format: String) -> Bool {
        guard body.count == format.count else { return false }
        for (c, f) in zip(body, format) {
            switch f {
            case "9": if !c.isASCIIDigit { return false }
            case "A": if !c.isLetter { return false }
            case "X": if !(c.isLetter || c.isASCIIDigit) { return false }
            default: if c != f { return false }
            }
        }
        return true
    }
}

import Foundation
