// libFuzzer entry for the stream decoders and the content-stream parser on raw bytes, reached
// directly instead of through a whole document: `scripts/fuzz-pdf <seconds> filters`.
// Byte 0 picks the decoder, bytes 1–4 the predictor / LZW parameters, the rest is the input.

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
        switch header[0] % 7 {
        case 0: _ = try FlateDecoder.decode(payload, limit: limit)
        case 1: _ = try LZWDecoder.decode(payload, earlyChange: header[1] & 1 == 1, limit: limit)
        case 2: _ = ASCIIHexDecoder.decode(payload)
        case 3: _ = try ASCII85Decoder.decode(payload, limit: limit)
        case 4: _ = try RunLengthDecoder.decode(payload, limit: limit)
        case 5: _ = try predictor.decode(payload)
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
