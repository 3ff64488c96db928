/// Content operators the interpreter acts on, as integers packed from their (at most three)
/// ASCII bytes, so dispatch compares integers instead of strings.
enum Operator {
    @inline(__always)
    static func code(_ name: String) -> UInt32 {
        var code: UInt32 = 0
        for byte in name.utf8 {
            if code > 0xFFFF { return 0 }   // longer than any operator we act on
            code = code << 8 | UInt32(byte)
        }
        return code
    }

    static let showText = code("Tj"), showTextArray = code("TJ")
    static let nextLineShowText = code("'"), nextLineSpacedShowText = code("\"")
    static let moveLine = code("Td"), moveLineSetLeading = code("TD"), nextLine = code("T*")
    static let setTextMatrix = code("Tm"), setFont = code("Tf")
    static let beginText = code("BT")
    static let characterSpacing = code("Tc"), wordSpacing = code("Tw"), horizontalScaling = code("Tz")
    static let leading = code("TL"), rise = code("Ts"), renderingMode = code("Tr")
    static let save = code("q"), restore = code("Q"), concatenate = code("cm")
    static let drawXObject = code("Do")
    static let beginMarkedContentWithProperties = code("BDC"), beginMarkedContent = code("BMC")
    static let endMarkedContent = code("EMC")
}
