/// The Belgian structured communication (OGM/VCS) `+++123/4567/89012+++`: ten digits and a
/// two-digit check equal to the ten digits mod 97 (97 when that is 0).
public enum BelgianStructuredReference {
    /// Every valid structured communication in `text`, as printed (spaces removed).
    public static func references(in text: String) -> [String] {
        var found: [String] = []
        let compact = text.filter { !$0.isWhitespace }
        var rest = compact[...]
        while let start = rest.range(of: "+++") ?? rest.range(of: "***") {
            let marker = rest[start]
            let body = rest[start.upperBound...]
            guard let end = body.range(of: marker) else { break }
            let inner = body[..<end.lowerBound]
            if isValid(String(inner)) { found.append(String(marker) + String(inner) + String(marker)) }
            rest = body[end.upperBound...]
        }
        return found
    }

    /// `123/4567/89012` with its mod-97 check.
    public static func isValid(_ inner: String) -> Bool {
        let parts = inner.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [3, 4, 5], parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        let digits = parts.joined()
        guard let base = Int(digits.prefix(10)), let check = Int(digits.suffix(2)) else { return false }
        let expected = base % 97 == 0 ? 97 : base % 97
        return check == expected
    }
}

import Foundation
