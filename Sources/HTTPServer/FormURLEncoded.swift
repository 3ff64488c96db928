/// `application/x-www-form-urlencoded` parsing, as used for query strings and form bodies
/// (WHATWG URL §5.1): `&`-separated `name=value` pairs, `+` for space, percent-escapes decoded,
/// empty pairs skipped, a pair without `=` has an empty value. Never fails: malformed escapes
/// are kept as written, as browsers do.
public enum FormURLEncoded {
    public static func parse(_ string: String) -> [QueryItem] {
        var copy = string
        return copy.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    public static func parse(_ bytes: [UInt8]) -> [QueryItem] {
        bytes.withUnsafeBytes { parse($0) }
    }

    public static func parse(_ bytes: UnsafeRawBufferPointer) -> [QueryItem] {
        var items: [QueryItem] = []
        var pairStart = 0
        while pairStart <= bytes.count {
            var pairEnd = pairStart
            while pairEnd < bytes.count, bytes[pairEnd] != UInt8(ascii: "&") { pairEnd += 1 }
            if pairEnd > pairStart {
                var equals = pairStart
                while equals < pairEnd, bytes[equals] != UInt8(ascii: "=") { equals += 1 }
                let name = PercentDecoding.decodeComponent(bytes[pairStart..<equals], plusAsSpace: true)
                let value = equals < pairEnd
                    ? PercentDecoding.decodeComponent(bytes[(equals + 1)..<pairEnd], plusAsSpace: true) : ""
                items.append(QueryItem(name: name, value: value))
            }
            pairStart = pairEnd + 1
        }
        return items
    }
}
