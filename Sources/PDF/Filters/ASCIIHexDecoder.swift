/// ASCIIHexDecode (§7.4.2): hex pairs up to `>`; white-space and junk are skipped, an odd last digit is padded with 0.
enum ASCIIHexDecoder {
    static func decode(_ input: [UInt8]) -> [UInt8] {
        var lexer = PDFLexer(bytes: input)
        return lexer.readHexString()
    }
}
