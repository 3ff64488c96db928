/// Decodes a PDF text string (ISO 32000-2 §7.9.2.2): UTF-16BE or UTF-8 after a byte order
/// mark, PDFDocEncoding otherwise. Used for `/ActualText`.
enum PDFTextString {
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return CMap.string(fromUTF16: CMapParser.utf16Units(Array(bytes[2...])))
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: bytes[3...], as: UTF8.self)
        }
        let names = BaseEncoding.pdfDoc.glyphNames
        var text = ""
        for byte in bytes {
            if let name = names[Int(byte)], let piece = GlyphList.unicode(forGlyphName: name) {
                text += piece
            } else if byte < 0x80 {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return text
    }
}
