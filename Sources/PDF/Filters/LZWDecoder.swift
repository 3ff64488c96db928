/// LZWDecode (§7.4.4): 9–12 bit codes, 256 = clear table, 257 = end of data. With `EarlyChange`
/// 1 (the default) the code width grows one code early, as the original TIFF encoders did.
enum LZWDecoder {
    static func decode(_ input: [UInt8], earlyChange: Bool, limit: OutputLimit) throws -> [UInt8] {
        // The table stores each entry as (prefix entry, last byte, length), so strings are never copied.
        var prefix = [Int32](repeating: -1, count: 4096)
        var suffix = [UInt8](repeating: 0, count: 4096)
        var length = [Int32](repeating: 0, count: 4096)
        for i in 0..<256 { suffix[i] = UInt8(i); length[i] = 1 }
        var nextCode = 258
        var codeWidth = 9
        var previous = -1
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 3)
        var bitBuffer: UInt32 = 0
        var bitCount = 0
        var index = 0
        let early = earlyChange ? 1 : 0

        func appendEntry(_ code: Int, into out: inout [UInt8]) {
            let n = Int(length[code])
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: n))
            var c = code
            var k = start + n - 1
            while c >= 0 && k >= start {
                out[k] = suffix[c]
                c = Int(prefix[c])
                k -= 1
            }
        }
        func firstByte(_ code: Int) -> UInt8 {
            var c = code
            var steps = 0
            while prefix[c] >= 0 && steps < 4096 { c = Int(prefix[c]); steps += 1 }
            return suffix[c]
        }

        while true {
            while bitCount < codeWidth && index < input.count {
                bitBuffer = (bitBuffer << 8) | UInt32(input[index])
                index += 1
                bitCount += 8
            }
            if bitCount < codeWidth { break }
            let code = Int((bitBuffer >> UInt32(bitCount - codeWidth)) & ((1 << UInt32(codeWidth)) - 1))
            bitCount -= codeWidth
            if code == 256 {
                nextCode = 258; codeWidth = 9; previous = -1
                continue
            }
            if code == 257 { break }
            if previous < 0 {
                guard code < 256 else { break } // first code after a clear must be a literal
                try limit.check(out.count + 1)
                out.append(UInt8(code))
                previous = code
                continue
            }
            let entryLength: Int
            if code < nextCode {
                entryLength = Int(length[code])
            } else if code == nextCode {
                entryLength = Int(length[previous]) + 1
            } else {
                break // corrupt: a code from the future
            }
            try limit.check(out.count + entryLength)
            if nextCode < 4096 {
                prefix[nextCode] = Int32(previous)
                suffix[nextCode] = code < nextCode ? firstByte(code) : firstByte(previous)
                length[nextCode] = length[previous] + 1
                nextCode += 1
            }
            appendEntry(code, into: &out)
            previous = code
            if nextCode + early >= (1 << codeWidth) && codeWidth < 12 { codeWidth += 1 }
        }
        return out
    }
}
