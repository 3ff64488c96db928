import CZlib

/// FlateDecode (§7.4.4) through zlib. Damaged streams yield what decoded before the damage,
/// as mature readers do; streams missing the zlib header are retried as raw deflate.
enum FlateDecoder {
    static func decode(_ input: [UInt8], limit: OutputLimit) throws -> [UInt8] {
        // A valid zlib header is skipped and the deflate data read raw: the Adler-32 trailer is then
        // neither computed nor required, which is faster and forgives truncated streams.
        if input.count >= 2, input[0] & 0x0F == 8, input[0] >> 4 <= 7, input[1] & 0x20 == 0,
           (Int(input[0]) << 8 | Int(input[1])) % 31 == 0 {
            let (out, ok) = try inflate(input[2...], windowBits: -15, limit: limit)
            if ok || !out.isEmpty { return out }
        }
        let (out, ok) = try inflate(input[...], windowBits: 15, limit: limit)
        if ok || !out.isEmpty { return out }
        return try inflate(input[...], windowBits: -15, limit: limit).output
    }

    /// Inflates until the end of the deflate data, the end of the input, or an error.
    /// `ok` is false when zlib rejected the data before producing anything useful.
    private static func inflate(_ input: ArraySlice<UInt8>, windowBits: Int32, limit: OutputLimit) throws -> (output: [UInt8], ok: Bool) {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw PDFError.malformed("zlib could not be initialised")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit.maxBytes, max(1024, input.count * 4)))
        // Uninitialised scratch: zeroing 64 KB per stream was a measurable share of extraction time.
        let chunkSize = 64 * 1024
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }
        var ok = true
        try input.withUnsafeBufferPointer { inBuf in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = uInt(min(inBuf.count, Int(UInt32.max)))
            while true {
                stream.next_out = chunk
                stream.avail_out = uInt(chunkSize)
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                let produced = chunkSize - Int(stream.avail_out)
                if produced > 0 {
                    try limit.check(output.count + produced)
                    output.append(contentsOf: UnsafeBufferPointer(start: chunk, count: produced))
                }
                switch status {
                case Z_OK:
                    // No progress possible: input exhausted without the end marker (truncated).
                    if produced == 0 && stream.avail_in == 0 { return }
                case Z_BUF_ERROR, Z_STREAM_END:
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
