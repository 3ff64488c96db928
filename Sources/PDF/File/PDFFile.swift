import Glibc

/// An opened PDF document: the cross-reference, the trailer and lazily loaded objects.
///
/// Objects are parsed on first use from the offsets the cross-reference gives and cached by
/// number, so opening a file costs only reading its xref. Damaged files are repaired by scanning
/// for `N G obj` (see `XRefRepair`). Not thread-safe: use one instance per thread.
public final class PDFFile {
    /// The whole file; streams and lexers share it by index instead of copying.
    let bytes: [UInt8]
    public let limits: PDFLimits
    /// Header version (`1.7`), or the catalog's `/Version` when that is newer.
    public private(set) var version: String
    /// The newest trailer dictionary (for cross-reference streams: the stream's dictionary).
    public internal(set) var trailer: PDFDictionary
    /// Whether the file carries an `/Encrypt` dictionary (it was opened with the empty user password).
    public var isEncrypted: Bool { security != nil }
    /// Whether the cross-reference had to be rebuilt by scanning the file.
    public internal(set) var wasRepaired = false
    /// Whether the page tree was unusable and pages were found by looking for `/Type /Page`
    /// objects instead (pages whose objects are gone cannot be recovered).
    public internal(set) var pageTreeWasRecovered = false

    let header: PDFHeader
    var xref: [Int: XRefEntry] = [:]
    /// Entries found by a repair scan; consulted when the xref entry is missing or wrong.
    var scanned: [Int: XRefEntry]?
    var cache: [Int: PDFObject] = [:]
    /// Objects being loaded right now: an object whose loading needs itself is a loop.
    var loading: [Int] = []
    var objectStreams: [Int: ObjectStream] = [:]
    /// Object streams a repair scan found whose contents are not indexed yet.
    var scannedObjectStreams: [Int] = []
    var security: StandardSecurityHandler?
    /// The `/Encrypt` dictionary's object: its strings are never encrypted.
    var encryptObjectNumber: Int?
    var decodedByteCount = 0
    var contentOperatorCount = 0
    var loadCount = 0
    /// The last search for `endstream`: from `from`, found at `at` (nil: none after `from`).
    /// Streams without a usable `/Length` then cost one scan in total, not one each.
    var endstreamSearch: (from: Int, at: Int?)?
    var cachedPages: [PDFPage]?
    private let startNanoseconds: UInt64

    /// Opens `bytes` as a PDF; throws a `PDFError` when it is not one, cannot be repaired,
    /// needs a password, or passes a limit.
    public init(bytes: [UInt8], limits: PDFLimits = PDFLimits()) throws {
        self.bytes = bytes
        self.limits = limits
        self.startNanoseconds = Self.monotonicNanoseconds()
        self.header = try PDFHeader(bytes: bytes)
        self.version = header.version
        self.trailer = PDFDictionary()
        do {
            let table = try readXRefChain()
            xref = table.entries
            trailer = table.trailer
        } catch let error as PDFError {
            guard case .malformed = error else { throw error }
            try rebuildFromScan()
        }
        if try usableCatalog() == nil && !wasRepaired { try rebuildFromScan() }
        guard try usableCatalog() != nil else { throw PDFError.malformed("no document catalog") }
        try setUpSecurity()
        if !scannedObjectStreams.isEmpty {
            cache.removeAll()
            objectStreams.removeAll()
            try indexScannedObjectStreams()
        }
        if let v = try catalog()?["Version"].map(resolve)?.nameValue, v.count <= 8, v > version { version = v }
    }

    /// The document catalog (`/Root`), or nil when it is missing or not a dictionary.
    public func catalog() throws -> PDFDictionary? {
        guard let root = trailer["Root"] else { return nil }
        return try resolve(root).dictionaryValue
    }

    /// The catalog, or nil when `/Root` is missing, not a dictionary, or a broken reference
    /// (limit errors still propagate).
    func usableCatalog() throws -> PDFDictionary? {
        do {
            return try catalog()
        } catch PDFError.malformed {
            return nil
        }
    }

    /// Throws `PDFError.timeBudgetExceeded` once the per-document time budget is spent.
    public func checkTimeBudget() throws {
        let elapsed = Double(Self.monotonicNanoseconds() &- startNanoseconds) / 1e9
        if elapsed > limits.timeBudgetSeconds { throw PDFError.timeBudgetExceeded(seconds: limits.timeBudgetSeconds) }
    }

    /// Counts one interpreted content operator toward `maxContentOperators`; every 4096 operators
    /// the time budget is checked too, so a huge content stream cannot run past it.
    public func countContentOperator() throws {
        contentOperatorCount += 1
        if contentOperatorCount > limits.maxContentOperators {
            throw PDFError.tooManyContentOperators(limit: limits.maxContentOperators)
        }
        if contentOperatorCount & 4095 == 0 { try checkTimeBudget() }
    }

    static func monotonicNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    // MARK: Objects

    /// Follows references until a direct object. A reference to nothing is `.null`;
    /// a chain of references that loops (or is absurdly long) is `PDFError.malformed`.
    public func resolve(_ object: PDFObject) throws -> PDFObject {
        var current = object
        var hops = 0
        while case .reference(let id) = current {
            hops += 1
            guard hops <= 32 else { throw PDFError.malformed("reference chain through \(id) loops") }
            current = try self.object(id)
        }
        return current
    }

    /// The indirect object `id`, loaded on first use; `.null` when no such object exists.
    public func object(_ id: PDFObjectID) throws -> PDFObject {
        if let cached = cache[id.number] { return cached }
        guard !loading.contains(id.number) else {
            throw PDFError.malformed("object \(id) is needed to load itself")
        }
        guard loading.count < limits.maxNestingDepth else { throw PDFError.nestingTooDeep(limit: limits.maxNestingDepth) }
        loadCount += 1
        if loadCount & 255 == 0 { try checkTimeBudget() }
        loading.append(id.number)
        defer { loading.removeLast() }
        let loaded = try load(id)
        cache[id.number] = loaded
        return loaded
    }

    private func load(_ id: PDFObjectID) throws -> PDFObject {
        guard id.number > 0 else { return .null }
        if let entry = xref[id.number], let found = try load(id, from: entry) { return found }
        // The xref is wrong about this object or lacks it: fall back to a scan of the file.
        if scanned == nil { scanned = try XRefRepair.scan(self).entries }
        if let entry = scanned?[id.number], entry != xref[id.number], let found = try load(id, from: entry) { return found }
        return .null
    }

    private func load(_ id: PDFObjectID, from entry: XRefEntry) throws -> PDFObject? {
        switch entry {
        case .inFile(let offset, _):
            guard var object = try parseIndirectObject(at: offset, number: id.number)
                ?? parseIndirectObject(at: offset &+ header.offset, number: id.number) else { return nil }
            if let security, id.number != encryptObjectNumber {
                object = security.decryptStrings(in: object, id: id)
            }
            return object
        case .inObjectStream(let streamNumber, let index):
            guard streamNumber != id.number else { return nil }
            return try objectStream(streamNumber)?.object(number: id.number, index: index, file: self)
        }
    }

    /// Parses `N G obj … endobj` at `offset`; nil when no object numbered `number` starts there.
    func parseIndirectObject(at offset: Int, number: Int) throws -> PDFObject? {
        guard offset >= 0 && offset < bytes.count else { return nil }
        var lexer = PDFLexer(bytes: bytes, position: offset)
        guard case .integer(let n) = lexer.next(), n == number,
              case .integer(let generation) = lexer.next(),
              case .keyword(let kw) = lexer.next(), lexer.keyword(kw, is: Keyword.obj) else { return nil }
        var parser = PDFObjectParser(lexer: lexer, maxDepth: limits.maxNestingDepth)
        let object = try parser.parseObject()
        guard case .dictionary(let dictionary) = object else { return object }
        var after = parser.lexer
        guard case .keyword(let kw2) = after.next(), after.keyword(kw2, is: Keyword.stream) else { return object }
        let id = PDFObjectID(number: number, generation: generation)
        let data = try streamData(dictionary: dictionary, keywordEnd: after.position)
        return .stream(PDFStream(dictionary: dictionary, rawData: data, objectID: id))
    }

    /// The raw bytes of a stream whose `stream` keyword ends at `keywordEnd`. `/Length` is trusted
    /// when `endstream` follows it; otherwise the data runs to the next `endstream`.
    func streamData(dictionary: PDFDictionary, keywordEnd: Int) throws -> ArraySlice<UInt8> {
        var start = keywordEnd
        if start < bytes.count && bytes[start] == 0x0D { start += 1 }
        if start < bytes.count && bytes[start] == 0x0A { start += 1 }
        if let lengthObject = dictionary["Length"], let length = try declaredLength(lengthObject),
           length >= 0, length <= bytes.count - start {
            var end = start + length
            var probe = PDFLexer(bytes: bytes, position: end)
            probe.skipWhitespace()
            if ByteSearch.matches(Keyword.endstream, in: bytes, at: probe.position) { return bytes[start..<end] }
            // A Length that counts the EOL before `endstream` is also common.
            if length > 0, ByteSearch.matches(Keyword.endstream, in: bytes, at: end - 1) {
                end -= 1
                return bytes[start..<end]
            }
        }
        guard var end = nextEndstream(from: start) else { return bytes[start..<bytes.count] }
        if end > start && bytes[end - 1] == 0x0A { end -= 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }

    private func nextEndstream(from start: Int) -> Int? {
        if let last = endstreamSearch, start >= last.from {
            guard let at = last.at else { return nil }
            if start <= at { return at }
        }
        let found = ByteSearch.firstIndex(of: Keyword.endstream, in: bytes, from: start, to: bytes.count)
        endstreamSearch = (start, found)
        return found
    }

    /// `/Length`, which may be indirect; a length we cannot read means "search for endstream".
    private func declaredLength(_ object: PDFObject) throws -> Int? {
        do {
            return try resolve(object).intValue
        } catch let error as PDFError {
            if case .malformed = error { return nil }
            throw error
        }
    }

    // MARK: Streams

    /// The decrypted, decoded bytes of `stream`. Output counts toward `maxStreamBytes` and the
    /// document's `maxDecompressedBytes`. Image codecs (DCT, CCITT, JBIG2, JPX) are not decoded:
    /// the bytes before the codec are returned.
    public func decodedData(of stream: PDFStream) throws -> [UInt8] {
        try checkTimeBudget()
        var data = Array(stream.rawData)
        if let security, let id = stream.objectID, security.encryptsStream(stream.dictionary) {
            data = security.decryptStream(data, id: id)
        }
        let remaining = max(0, limits.maxDecompressedBytes - decodedByteCount)
        let limit = limits.maxStreamBytes <= remaining
            ? OutputLimit(maxBytes: limits.maxStreamBytes, error: .decompressedSizeExceeded(limit: limits.maxStreamBytes))
            : OutputLimit(maxBytes: remaining, error: .decompressedSizeExceeded(limit: limits.maxDecompressedBytes))
        let decoded = try FilterPipeline.decode(data, dictionary: stream.dictionary, limit: limit, resolve: resolve)
        decodedByteCount += decoded.count
        return decoded
    }

    /// Whether `stream` holds image data (its filters end in an image codec).
    public func isImageCoded(_ stream: PDFStream) -> Bool {
        FilterPipeline.isImageCoded(stream.dictionary, resolve: resolve)
    }

    func objectStream(_ number: Int) throws -> ObjectStream? {
        if let cached = objectStreams[number] { return cached }
        guard case .stream(let stream) = try object(PDFObjectID(number: number, generation: 0)) else { return nil }
        let parsed = try ObjectStream(stream: stream, file: self)
        objectStreams[number] = parsed
        return parsed
    }
}
