import CCrypto

/// Digests and AES through libcrypto's EVP interface.
enum CryptoPrimitives {
    enum Digest { case md5, sha256, sha384, sha512 }

    static func digest(_ data: [UInt8], _ kind: Digest) -> [UInt8] {
        let md: OpaquePointer?
        switch kind {
        case .md5: md = EVP_md5()
        case .sha256: md = EVP_sha256()
        case .sha384: md = EVP_sha384()
        case .sha512: md = EVP_sha512()
        }
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = data.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, md, nil)
            }
        }
        guard ok == 1 else { return [] }
        return Array(out[0..<Int(length)])
    }

    /// AES-CBC decryption with a 16- or 32-byte key. With `padded`, PKCS#7 padding is removed
    /// when valid (and kept when not, as damaged files need); the input is cut to whole blocks.
    static func aesCBCDecrypt(_ data: [UInt8], key: [UInt8], iv: [UInt8], padded: Bool) -> [UInt8] {
        let whole = data.count - data.count % 16
        guard whole > 0 else { return [] }
        let raw = aesCBC(Array(data[0..<whole]), key: key, iv: iv, encrypt: false)
        guard padded, let last = raw.last, last >= 1, last <= 16, Int(last) <= raw.count else { return raw }
        let pad = Int(last)
        for k in (raw.count - pad)..<raw.count where raw[k] != last { return raw }
        return Array(raw[0..<(raw.count - pad)])
    }

    /// AES-128-CBC encryption without padding (input is a whole number of blocks), for the R6 hash.
    static func aes128CBCEncrypt(_ data: [UInt8], key: [UInt8], iv: [UInt8]) -> [UInt8] {
        aesCBC(data, key: key, iv: iv, encrypt: true)
    }

    private static func aesCBC(_ data: [UInt8], key: [UInt8], iv: [UInt8], encrypt: Bool) -> [UInt8] {
        guard let ctx = EVP_CIPHER_CTX_new() else { return [] }
        defer { EVP_CIPHER_CTX_free(ctx) }
        let cipher = key.count == 32 ? EVP_aes_256_cbc() : EVP_aes_128_cbc()
        guard key.count == 16 || key.count == 32, iv.count == 16, data.count < Int(Int32.max) - 32,
              EVP_CipherInit_ex(ctx, cipher, nil, key, iv, encrypt ? 1 : 0) == 1 else { return [] }
        EVP_CIPHER_CTX_set_padding(ctx, 0)
        var out = [UInt8](repeating: 0, count: data.count + 32)
        var produced: Int32 = 0
        var final: Int32 = 0
        let ok = out.withUnsafeMutableBufferPointer { output -> Bool in
            guard EVP_CipherUpdate(ctx, output.baseAddress, &produced, data, Int32(data.count)) == 1 else { return false }
            return EVP_CipherFinal_ex(ctx, output.baseAddress! + Int(produced), &final) == 1
        }
        guard ok else { return [] }
        return Array(out[0..<Int(produced + final)])
    }
}
