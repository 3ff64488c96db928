/// RC4, implemented here because OpenSSL 3 moved it to the legacy provider, which may be absent.
/// Used only to read documents encrypted with the PDF standard security handler's RC4 modes.
struct RC4 {
    private var state = [UInt8](repeating: 0, count: 256)
    private var i: UInt8 = 0
    private var j: UInt8 = 0

    init(key: [UInt8]) {
        for k in 0..<256 { state[k] = UInt8(k) }
        guard !key.isEmpty else { return }
        var j: UInt8 = 0
        for k in 0..<256 {
            j = j &+ state[k] &+ key[k % key.count]
            state.swapAt(k, Int(j))
        }
    }

    mutating func process(_ data: [UInt8]) -> [UInt8] {
        var out = data
        for k in 0..<out.count {
            i = i &+ 1
            j = j &+ state[Int(i)]
            state.swapAt(Int(i), Int(j))
            out[k] ^= state[Int(state[Int(i)] &+ state[Int(j)])]
        }
        return out
    }

    static func crypt(_ data: [UInt8], key: [UInt8]) -> [UInt8] {
        var rc4 = RC4(key: key)
        return rc4.process(data)
    }
}
