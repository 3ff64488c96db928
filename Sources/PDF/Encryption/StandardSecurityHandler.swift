/// The standard security handler (ISO 32000-2 §7.6.4), revisions 2–6, opened with the empty
/// password: as user password first, then as owner password. Anything else is
/// `PDFError.passwordRequired`.
final class StandardSecurityHandler {
    enum Method { case identity, rc4, aesV2, aesV3 }

    /// The file encryption key.
    let fileKey: [UInt8]
    let streamMethod: Method
    let stringMethod: Method
    let encryptMetadata: Bool

    /// 32-byte padding string of Algorithm 2, step a.
    static let padding: [UInt8] = [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
        0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
    ]

    init(encrypt d: PDFDictionary, firstID: [UInt8]) throws {
        guard d["Filter"]?.nameValue == "Standard" else {
            throw PDFError.unsupportedEncryption("security handler /\(d["Filter"]?.nameValue ?? "?")")
        }
        let v = d["V"]?.intValue ?? 0
        guard let r = d["R"]?.intValue, (2...6).contains(r) else {
            throw PDFError.unsupportedEncryption("revision \(d["R"]?.intValue.map(String.init) ?? "?")")
        }
        guard let o = d["O"]?.stringBytes, let u = d["U"]?.stringBytes else {
            throw PDFError.malformed("encryption dictionary lacks /O or /U")
        }
        let p = Int32(truncatingIfNeeded: d["P"]?.intValue ?? 0)
        encryptMetadata = d["EncryptMetadata"]?.boolValue ?? true

        switch v {
        case 1, 2:
            streamMethod = .rc4; stringMethod = .rc4
        case 4, 5:
            let filters = d["CF"]?.dictionaryValue
            func method(_ name: String?) throws -> Method {
                guard let name, name != "Identity" else { return .identity }
                switch filters?[name]?.dictionaryValue?["CFM"]?.nameValue {
                case "V2": return .rc4
                case "AESV2": return .aesV2
                case "AESV3": return .aesV3
                case "None": return .identity
                case let other: throw PDFError.unsupportedEncryption("crypt filter method \(other ?? "?")")
                }
            }
            streamMethod = try method(d["StmF"]?.nameValue)
            stringMethod = try method(d["StrF"]?.nameValue)
        default:
            throw PDFError.unsupportedEncryption("algorithm /V \(v)")
        }

        if r >= 5 {
            guard let key = Self.revision6Key(r: r, o: o, u: u, oe: d["OE"]?.stringBytes, ue: d["UE"]?.stringBytes) else {
                throw PDFError.passwordRequired
            }
            fileKey = key
        } else {
            // V4's key length defaults to 128 bits; some writers give it in bytes.
            var bits = v == 1 ? 40 : (d["Length"]?.intValue ?? (v == 4 ? 128 : 40))
            if v == 4 && bits <= 16 { bits *= 8 }
            guard bits % 8 == 0, (40...128).contains(bits) else {
                throw PDFError.unsupportedEncryption("key length \(bits)")
            }
            let length = r == 2 ? 5 : bits / 8
            let context = KeyContext(r: r, o: o, u: u, p: p, firstID: firstID, keyLength: length, encryptMetadata: encryptMetadata)
            if let key = context.keyForUserPassword(Self.padding) {
                fileKey = key
            } else if let user = context.userPasswordFromEmptyOwnerPassword(), let key = context.keyForUserPassword(user) {
                fileKey = key
            } else {
                throw PDFError.passwordRequired
            }
        }
    }

    // MARK: Revisions 2–4 (Algorithms 2, 4, 5, 7)

    struct KeyContext {
        let r: Int, o: [UInt8], u: [UInt8], p: Int32, firstID: [UInt8], keyLength: Int, encryptMetadata: Bool

        /// Algorithm 2: the file key for a padded user password.
        func fileKey(_ paddedPassword: [UInt8]) -> [UInt8] {
            var input = paddedPassword + o.prefix(32)
            let pBits = UInt32(bitPattern: p)
            input += [UInt8(pBits & 0xFF), UInt8(pBits >> 8 & 0xFF), UInt8(pBits >> 16 & 0xFF), UInt8(pBits >> 24)]
            input += firstID
            if r >= 4 && !encryptMetadata { input += [0xFF, 0xFF, 0xFF, 0xFF] }
            var hash = CryptoPrimitives.digest(input, .md5)
            if r >= 3 {
                for _ in 0..<50 { hash = CryptoPrimitives.digest(Array(hash.prefix(keyLength)), .md5) }
            }
            return Array(hash.prefix(keyLength))
        }

        /// Algorithms 4/5 and 6: the key, when the password's computed `/U` matches the file's.
        func keyForUserPassword(_ paddedPassword: [UInt8]) -> [UInt8]? {
            let key = fileKey(paddedPassword)
            if r == 2 {
                return RC4.crypt(StandardSecurityHandler.padding, key: key) == Array(u.prefix(32)) ? key : nil
            }
            var check = RC4.crypt(CryptoPrimitives.digest(StandardSecurityHandler.padding + firstID, .md5), key: key)
            for round in 1...19 { check = RC4.crypt(check, key: key.map { $0 ^ UInt8(round) }) }
            return check == Array(u.prefix(16)) ? key : nil
        }

        /// Algorithm 7 with the empty owner password: decrypt `/O` to recover the padded user password.
        func userPasswordFromEmptyOwnerPassword() -> [UInt8]? {
            var hash = CryptoPrimitives.digest(StandardSecurityHandler.padding, .md5)
            if r >= 3 { for _ in 0..<50 { hash = CryptoPrimitives.digest(hash, .md5) } }
            let key = Array(hash.prefix(keyLength))
            var user = Array(o.prefix(32))
            if r == 2 {
                user = RC4.crypt(user, key: key)
            } else {
                for round in stride(from: 19, through: 0, by: -1) { user = RC4.crypt(user, key: key.map { $0 ^ UInt8(round) }) }
            }
            return user.count == 32 ? user : nil
        }
    }

    // MARK: Revisions 5 and 6 (Algorithms 2.A, 2.B)

    /// The file key from `/UE` (user) or `/OE` (owner) for the empty password, or nil.
    static func revision6Key(r: Int, o: [UInt8], u: [UInt8], oe: [UInt8]?, ue: [UInt8]?) -> [UInt8]? {
        guard o.count >= 48, u.count >= 48 else { return nil }
        let password: [UInt8] = []
        let zeroIV = [UInt8](repeating: 0, count: 16)
        if let ue, ue.count >= 32,
           hash(r: r, password, salt: Array(u[32..<40]), userKey: []) == Array(u[0..<32]) {
            let intermediate = hash(r: r, password, salt: Array(u[40..<48]), userKey: [])
            return CryptoPrimitives.aesCBCDecrypt(Array(ue.prefix(32)), key: intermediate, iv: zeroIV, padded: false)
        }
        let userKey = Array(u.prefix(48))
        if let oe, oe.count >= 32,
           hash(r: r, password, salt: Array(o[32..<40]), userKey: userKey) == Array(o[0..<32]) {
            let intermediate = hash(r: r, password, salt: Array(o[40..<48]), userKey: userKey)
            return CryptoPrimitives.aesCBCDecrypt(Array(oe.prefix(32)), key: intermediate, iv: zeroIV, padded: false)
        }
        return nil
    }

    /// R5: SHA-256 of password, salt and user key. R6: Algorithm 2.B's iterated hash.
    static func hash(r: Int, _ password: [UInt8], salt: [UInt8], userKey: [UInt8]) -> [UInt8] {
        var k = CryptoPrimitives.digest(password + salt + userKey, .sha256)
        guard r >= 6 else { return k }
        var round = 0
        while k.count >= 32 {
            let block = password + k + userKey
            var k1: [UInt8] = []
            k1.reserveCapacity(block.count * 64)
            for _ in 0..<64 { k1 += block }
            let e = CryptoPrimitives.aes128CBCEncrypt(k1, key: Array(k[0..<16]), iv: Array(k[16..<32]))
            guard e.count >= 16 else { return [] }
            // The first 16 bytes as a big-endian number, modulo 3, equals their byte sum modulo 3.
            let selector = e[0..<16].reduce(0) { $0 + Int($1) } % 3
            k = CryptoPrimitives.digest(e, selector == 0 ? .sha256 : (selector == 1 ? .sha384 : .sha512))
            round += 1
            if round >= 64, let last = e.last, Int(last) <= round - 32 { break }
            if round > 1000 { break } // cannot happen with a sound AES; bounds the loop regardless
        }
        return k.count >= 32 ? Array(k[0..<32]) : []
    }

    // MARK: Decryption

    /// Algorithm 1: the per-object key (R2–R4); R5/R6 use the file key directly.
    private func objectKey(_ id: PDFObjectID, method: Method) -> [UInt8] {
        if method == .aesV3 { return fileKey }
        let n = UInt32(truncatingIfNeeded: id.number), g = UInt32(truncatingIfNeeded: id.generation)
        var input = fileKey
        input += [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(g & 0xFF), UInt8(g >> 8 & 0xFF)]
        if method == .aesV2 { input += [0x73, 0x41, 0x6C, 0x54] } // "sAlT"
        return Array(CryptoPrimitives.digest(input, .md5).prefix(min(fileKey.count + 5, 16)))
    }

    private func decrypt(_ data: [UInt8], id: PDFObjectID, method: Method) -> [UInt8] {
        switch method {
        case .identity: return data
        case .rc4: return RC4.crypt(data, key: objectKey(id, method: method))
        case .aesV2, .aesV3:
            guard data.count >= 32 else { return [] } // IV plus at least one block
            return CryptoPrimitives.aesCBCDecrypt(Array(data[16...]), key: objectKey(id, method: method),
                                                  iv: Array(data[0..<16]), padded: true)
        }
    }

    func decryptStream(_ data: [UInt8], id: PDFObjectID) -> [UInt8] {
        decrypt(data, id: id, method: streamMethod)
    }

    /// Whether a stream's data is encrypted: not cross-reference streams (§7.5.8), not metadata
    /// when `/EncryptMetadata false`, not streams whose own `/Crypt` filter says `/Identity`.
    func encryptsStream(_ d: PDFDictionary) -> Bool {
        if d.type == "XRef" { return false }
        if !encryptMetadata && d.type == "Metadata" { return false }
        if case .name("Crypt")? = d["Filter"] { return false }
        if let filters = d["Filter"]?.arrayValue, filters.first?.nameValue == "Crypt" { return false }
        return true
    }

    /// Decrypts every string inside an object loaded from the file (streams' dictionaries too).
    func decryptStrings(in object: PDFObject, id: PDFObjectID) -> PDFObject {
        guard stringMethod != .identity else { return object }
        switch object {
        case .string(let s): return .string(decrypt(s, id: id, method: stringMethod))
        case .array(let items): return .array(items.map { decryptStrings(in: $0, id: id) })
        case .dictionary(let d): return .dictionary(decryptStrings(in: d, id: id))
        case .stream(var s):
            s.dictionary = decryptStrings(in: s.dictionary, id: id)
            return .stream(s)
        default: return object
        }
    }

    private func decryptStrings(in d: PDFDictionary, id: PDFObjectID) -> PDFDictionary {
        var out = d
        for (key, value) in d.entries {
            switch value {
            case .string, .array, .dictionary: out[key] = decryptStrings(in: value, id: id)
            default: break
            }
        }
        return out
    }
}

extension PDFFile {
    /// Installs the security handler when the trailer has `/Encrypt`. Objects cached before
    /// (read while finding the catalog) are dropped so their strings are decrypted on reload.
    func setUpSecurity() throws {
        guard let encryptEntry = trailer["Encrypt"] else { return }
        encryptObjectNumber = encryptEntry.referenceValue?.number
        guard case .dictionary(var d) = try resolve(encryptEntry) else {
            throw PDFError.malformed("/Encrypt is not a dictionary")
        }
        for key in ["CF", "O", "U", "OE", "UE", "Length", "V", "R", "P"] {
            if let value = d[key], value.referenceValue != nil { d[key] = try resolve(value) }
        }
        let firstID = (try trailer["ID"].map(resolve)?.arrayValue?.first.map(resolve)?.stringBytes) ?? []
        security = try StandardSecurityHandler(encrypt: d, firstID: firstID)
        cache.removeAll()
        objectStreams.removeAll()
    }
}
