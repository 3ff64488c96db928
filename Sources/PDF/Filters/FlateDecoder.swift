import CZlib

/// FlateDecode (§7.4.4) through zlib. Damaged streams yield what decoded before the damage,
/// as mature readers do; streams missing the zlib header are retried as raw deflate.
enum FlateDecoder {
    static func decode(_ input: [UInt8], limit: OutputLimit) throws -> [UInt8] {
        let (out, ok) = try inflate(input, windowBits: 15, limit: limit)
        if ok || !out.isEmpty { return out }
        return try inflate(input, windowBits: -15, limit: limit).output
    }

    /// Inflates until the end of the deflate data, the end of the input, or an error.
    /// `ok` is false when zlib rejected the data before producing anything useful.
    private static func inflate(_ input: [UInt8], windowBits: Int32, limit: OutputLimit) throws -> (output: [UInt8], ok: Bool) {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw PDFError.malformed("zlib could not be initialised")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit.maxBytes, max(1024, input.count * 4)))
        let chunkSize = 64 * 1024
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var ok = true
        try input.withUnsafeBufferPointer { inBuf in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = uInt(inBuf.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { outBuf -> (Int32, Int) in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(chunkSize)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, chunkSize - Int(stream.avail_out))
                }
                if produced > 0 {
                    try limit.check(output.count + produced)
                    output.append(contentsOf: chunk[0..<produced])
                }
                switch status {
                case Z_OK:
                    // No progress possible: input exhausted without the end marker (truncated).
                    if produced == 0 && stream.avail_in == 0 { return }
                case Z_BUF_ERROR:
                    return
                case Z_STREAM_END:
                    return
                default:
                    ok = false
                    return
                }
            }
        }
        return (output, ok)
    }
}
