// libFuzzer entry for the stream decoders, the content-stream parser and the embedded font
// program readers on raw bytes, reached directly instead of through a whole document:
// `scripts/fuzz-pdf <seconds> filters`. Byte 0 picks the reader, bytes 1–4 the predictor /
// LZW parameters, the rest is the input.

@_cdecl("LLVMFuzzerTestOneInput")
public func pdfFilterFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 5 else { return 0 }
    let header = Array(UnsafeBufferPointer(start: data, count: 5))
    let payload = Array(UnsafeBufferPointer(start: data + 5, count: size - 5))
    let limit = OutputLimit(maxBytes: 4 << 20, error: .decompressedSizeExceeded(limit: 4 << 20))
    let predictors = [2, 10, 11, 12, 13, 14, 15]
    let bitsPerComponent = [1, 2, 4, 8, 16]
    let predictor = PredictorDecoder(predictor: predictors[Int(header[1]) % predictors.count],
                                     colors: Int(header[2] % 32) + 1,
                                     bitsPerComponent: bitsPerComponent[Int(header[3]) % bitsPerComponent.count],
                                     columns: Int(header[4]) * 37 + 1)
    do {
        switch header[0] % 8 {
        case 0: _ = try FlateDecoder.decode(payload, limit: limit)
        case 1: _ = try LZWDecoder.decode(payload, earlyChange: header[1] & 1 == 1, limit: limit)
        case 2: _ = ASCIIHexDecoder.decode(payload)
        case 3: _ = try ASCII85Decoder.decode(payload, limit: limit)
        case 4: _ = try RunLengthDecoder.decode(payload, limit: limit)
        case 5: _ = try predictor.decode(payload)
        case 7: fuzzFontProgram(payload, cidToGID: Array(payload.prefix(Int(header[1]))))
        default:
            var parser = ContentStreamParser(payload)
            while try parser.nextOperator() != nil {}
        }
    } catch is PDFError {
        // Expected for bad input.
    } catch {
        fatalError("non-PDFError thrown: \(error)")
    }
    return 0
}

/// Every lookup an embedded TrueType/OpenType/CFF program answers, over the glyph and code ranges
/// a font can use.
private func fuzzFontProgram(_ bytes: [UInt8], cidToGID: [UInt8]) {
    guard let program = EmbeddedFontProgram(bytes, cidToGID: .table(cidToGID)) else { return }
    _ = program.builtInEncoding
    for code in 0...255 {
        _ = program.text(forSimpleCode: UInt8(code), named: nil, symbolic: code & 1 == 0)
    }
    _ = program.text(forSimpleCode: 65, named: "A", symbolic: false)
    for glyph in 0..<512 { _ = program.text(forGlyph: glyph) }
    for cid: UInt32 in [0, 1, 2, 100, 0xFFFF, 0x1_0000, .max] { _ = program.text(forCID: cid) }
}
