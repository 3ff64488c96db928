/// RunLengthDecode (§7.4.5): a length byte 0–127 copies the next n + 1 bytes, 129–255 repeats the
/// next byte 257 − n times, 128 ends the data.
enum RunLengthDecoder {
    static func decode(_ input: [UInt8], limit: OutputLimit) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 2)
        var i = 0
        while i < input.count {
            let n = Int(input[i])
            i += 1
            if n == 128 { break }
            if n < 128 {
                let count = min(n + 1, input.count - i)
                try limit.check(out.count + count)
                out.append(contentsOf: input[i..<(i + count)])
                i += count
            } else {
                guard i < input.count else { break }
                let count = 257 - n
                try limit.check(out.count + count)
                out.append(contentsOf: repeatElement(input[i], count: count))
                i += 1
            }
        }
        return out
    }
}
