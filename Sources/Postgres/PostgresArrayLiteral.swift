/// The text form of one-dimensional arrays: `{a,"b c","d\"e",NULL}`.
enum PostgresArrayLiteral {
    /// Quotes every element, so commas, braces, spaces and the word NULL stay plain text.
    static func encode(_ elements: [String], into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "{"))
        for (position, element) in elements.enumerated() {
            if position > 0 { buffer.append(UInt8(ascii: ",")) }
            buffer.append(UInt8(ascii: "\""))
            for byte in element.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { buffer.append(UInt8(ascii: "\\")) }
                buffer.append(byte)
            }
            buffer.append(UInt8(ascii: "\""))
        }
        buffer.append(UInt8(ascii: "}"))
    }

    /// Elements of a one-dimensional array literal (NULL elements as nil); nil when malformed
    /// or multi-dimensional.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [String?]? {
        let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), comma = UInt8(ascii: ",")
        guard bytes.count >= 2, bytes[0] == openBrace, bytes[bytes.count - 1] == closeBrace else { return nil }
        var elements: [String?] = []
        var index = 1
        let end = bytes.count - 1
        if index == end { return [] }
        while index <= end {
            var element: [UInt8] = []
            var quoted = false
            if bytes[index] == quote {
                quoted = true
                index += 1
                while true {
                    guard index < end else { return nil }
                    let byte = bytes[index]
                    if byte == quote { index += 1; break }
                    if byte == backslash {
                        index += 1
                        guard index < end else { return nil }
                    }
                    element.append(bytes[index])
                    index += 1
                }
            } else {
                while index < end, bytes[index] != comma {
                    let byte = bytes[index]
                    if byte == openBrace || byte == quote { return nil }
                    if byte == backslash {
                        index += 1
                        guard index < end else { return nil }
                    }
                    element.append(bytes[index])
                    index += 1
                }
            }
            elements.append(!quoted && isNullWord(element) ? nil : String(decoding: element, as: UTF8.self))
            // After an element: a comma and another element, or the closing brace.
            if index == end { break }
            guard bytes[index] == comma else { return nil }
            index += 1
            guard index < end else { return nil }
        }
        return elements
    }

    /// Unquoted `NULL`, in any letter case, is an SQL NULL element.
    private static func isNullWord(_ element: [UInt8]) -> Bool {
        element.count == 4 && zip(element, "null".utf8).allSatisfy { $0 | 0x20 == $1 }
    }
}
