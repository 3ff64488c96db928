/// Rebuilding the cross-reference of a damaged file by scanning for `N G obj` and `trailer`,
/// as mature readers do: later definitions win, like later incremental updates.
struct XRefRepair {
    /// Objects found at their offsets.
    var entries: [Int: XRefEntry] = [:]
    /// Offsets of `trailer` keywords, in file order.
    var trailerOffsets: [Int] = []

    private static let objKeyword: [UInt8] = Array("obj".utf8)

    /// One pass over the bytes. Bounded by the file length and the object-count limit.
    static func scan(_ file: PDFFile) throws -> XRefRepair {
        let bytes = file.bytes
        var result = XRefRepair()
        var i = 0
        let count = bytes.count
        var found = 0
        while i + 3 <= count {
            let b = bytes[i]
            if b == 0x6F, i + 3 <= count, bytes[i + 1] == 0x62, bytes[i + 2] == 0x6A, // obj
               i + 3 == count || !ByteClass.isRegular(bytes[i + 3]),
               let (number, generation, start) = objectHeader(bytes, keywordAt: i) {
                found += 1
                if found & 0xFFF == 0 { try file.checkTimeBudget() }
                result.entries[number] = .inFile(offset: start, generation: generation)
                guard result.entries.count <= file.limits.maxObjectCount else {
                    throw PDFError.tooManyObjects(limit: file.limits.maxObjectCount)
                }
                i += 3
                continue
            }
            if b == 0x74, ByteSearch.matches(Keyword.trailer, in: bytes, at: i) {
                result.trailerOffsets.append(i + Keyword.trailer.count)
                i += Keyword.trailer.count
                continue
            }
            i += 1
        }
        return result
    }

    /// For `obj` at `keywordAt`, reads backwards over `N G ` and returns (N, G, offset of N).
    private static func objectHeader(_ bytes: [UInt8], keywordAt: Int) -> (Int, Int, Int)? {
        var p = keywordAt - 1
        guard p >= 0, ByteClass.isWhitespace(bytes[p]) else { return nil }
        while p >= 0 && ByteClass.isWhitespace(bytes[p]) { p -= 1 }
        let genEnd = p + 1
        while p >= 0 && ByteClass.isDigit(bytes[p]) && genEnd - p <= 5 { p -= 1 }
        let genStart = p + 1
        guard genStart < genEnd, p >= 0, ByteClass.isWhitespace(bytes[p]) else { return nil }
        while p >= 0 && ByteClass.isWhitespace(bytes[p]) { p -= 1 }
        let numEnd = p + 1
        while p >= 0 && ByteClass.isDigit(bytes[p]) && numEnd - p <= 10 { p -= 1 }
        let numStart = p + 1
        guard numStart < numEnd, p < 0 || !ByteClass.isRegular(bytes[p]) else { return nil }
        var number = 0
        for k in numStart..<numEnd { number = number * 10 + Int(bytes[k] - 0x30) }
        var generation = 0
        for k in genStart..<genEnd { generation = generation * 10 + Int(bytes[k] - 0x30) }
        guard number > 0 else { return nil }
        return (number, generation, numStart)
    }
}

extension PDFFile {
    /// Replaces the cross-reference with a scan of the whole file and rebuilds the trailer from the
    /// `trailer` dictionaries found, cross-reference stream dictionaries, or a `/Type /Catalog` object.
    /// Objects inside object streams are indexed by `indexScannedObjectStreams`, after decryption is set up.
    func rebuildFromScan() throws {
        let repair = try XRefRepair.scan(self)
        wasRepaired = true
        scanned = repair.entries
        xref = repair.entries
        cache.removeAll()
        objectStreams.removeAll()
        var rebuilt = PDFDictionary()
        for offset in repair.trailerOffsets {
            var parser = PDFObjectParser(lexer: PDFLexer(bytes: bytes, position: offset), maxDepth: limits.maxNestingDepth)
            guard case .dictionary(let d)? = try? parser.parseObject() else { continue }
            for (key, value) in d.entries { rebuilt[key] = value } // later trailers win
        }
        var catalog: Int? = nil
        for (i, number) in repair.entries.keys.sorted().enumerated() {
            if i & 255 == 255 { try checkTimeBudget() }
            guard case .inFile(let offset, _)? = repair.entries[number],
                  let head = objectDictionaryHead(at: offset) else { continue }
            switch head.type {
            case "ObjStm": scannedObjectStreams.append(number)
            case "XRef": for (key, value) in head.entries where rebuilt[key] == nil { rebuilt[key] = value }
            case "Catalog": catalog = number
            default: break
            }
        }
        trailer = rebuilt
        if try catalogFromTrailer() == nil, let catalog {
            trailer["Root"] = .reference(PDFObjectID(number: catalog, generation: 0))
        }
        if try catalogFromTrailer() == nil {
            // The catalog may sit in an object stream (then the file cannot be encrypted-and-repaired).
            try indexScannedObjectStreams()
            for (number, entry) in xref where entry != repair.entries[number] {
                let id = PDFObjectID(number: number, generation: 0)
                if (try? object(id))?.dictionaryValue?.type == "Catalog" {
                    trailer["Root"] = .reference(id)
                    break
                }
            }
        }
        cache.removeAll()
    }

    /// Adds the objects held in the object streams a repair scan found, where not defined directly.
    func indexScannedObjectStreams() throws {
        let streams = scannedObjectStreams
        scannedObjectStreams = []
        for number in streams {
            guard let stream = try? objectStream(number) else { continue }
            for (slot, pair) in stream.index.enumerated() where xref[pair.number] == nil && pair.number > 0 {
                xref[pair.number] = .inObjectStream(stream: number, index: slot)
            }
        }
        scanned = xref
    }

    private func catalogFromTrailer() throws -> PDFDictionary? {
        guard let root = trailer["Root"] else { return nil }
        return (try? resolve(root))?.dictionaryValue
    }

    /// The dictionary that opens the object at `offset`, without reading any stream data.
    func objectDictionaryHead(at offset: Int) -> PDFDictionary? {
        var lexer = PDFLexer(bytes: bytes, position: offset)
        guard case .integer = lexer.next(), case .integer = lexer.next(), case .keyword = lexer.next() else { return nil }
        guard case .dictionaryStart = lexer.next() else { return nil }
        var parser = PDFObjectParser(lexer: lexer, maxDepth: limits.maxNestingDepth)
        return try? parser.parseDictionary(depth: 1)
    }
}
