/// Reading the cross-reference: classic tables (§7.5.4), cross-reference streams (§7.5.8),
/// `/Prev` chains of incremental updates and hybrid files (`/XRefStm`, §7.5.8.4).
extension PDFFile {
    private static let maxSections = 256

    func readXRefChain() throws -> XRefTable {
        guard let start = findStartXRef() else { throw PDFError.malformed("no startxref") }
        var table = XRefTable()
        var visited = Set<Int>()
        var offset = start
        var isNewest = true
        while visited.count < Self.maxSections, visited.insert(offset).inserted {
            let sectionTrailer: PDFDictionary
            do {
                sectionTrailer = try readXRefSection(at: offset, into: &table)
            } catch let error as PDFError {
                // A broken older section loses only old objects; a lookup miss triggers a repair scan.
                guard !isNewest, case .malformed = error else { throw error }
                break
            }
            if isNewest { table.trailer = sectionTrailer } else { table.mergeOlderTrailer(sectionTrailer) }
            isNewest = false
            if let hidden = sectionTrailer["XRefStm"]?.intValue, !visited.contains(hidden) {
                // Hybrid file: objects only a 1.5 reader should see are listed in this stream.
                _ = try? readXRefSection(at: hidden, into: &table)
            }
            guard let previous = sectionTrailer["Prev"]?.intValue else { break }
            offset = previous
        }
        if let size = table.trailer["Size"]?.intValue, size > limits.maxObjectCount {
            throw PDFError.tooManyObjects(limit: limits.maxObjectCount)
        }
        return table
    }

    /// The offset after the last `startxref`.
    func findStartXRef() -> Int? {
        let from = max(0, bytes.count - 4096)
        guard let at = ByteSearch.lastIndex(of: Keyword.startxref, in: bytes, from: from, to: bytes.count) else { return nil }
        var lexer = PDFLexer(bytes: bytes, position: at + Keyword.startxref.count)
        if case .integer(let offset) = lexer.next(), offset >= 0 { return offset }
        return nil
    }

    /// Reads one section at `offset` (or at `offset` + the junk before the header) and returns its trailer.
    private func readXRefSection(at offset: Int, into table: inout XRefTable) throws -> PDFDictionary {
        for candidate in [offset, offset &+ header.offset] where candidate >= 0 && candidate < bytes.count {
            var lexer = PDFLexer(bytes: bytes, position: candidate)
            switch lexer.next() {
            case .keyword(let kw) where lexer.keyword(kw, is: Keyword.xref):
                return try readXRefTable(lexer: lexer, into: &table)
            case .integer(let number):
                if case .stream(let stream)? = try parseIndirectObject(at: candidate, number: number),
                   stream.dictionary.type == "XRef" {
                    try readXRefStream(stream, into: &table)
                    return stream.dictionary
                }
            default: break
            }
            if header.offset == 0 { break }
        }
        throw PDFError.malformed("no cross-reference section at offset \(offset)")
    }

    /// A classic table: subsections `start count` of `offset generation n|f` lines, then `trailer << >>`.
    private func readXRefTable(lexer start: PDFLexer, into table: inout XRefTable) throws -> PDFDictionary {
        var lexer = start
        var total = 0
        while true {
            switch lexer.next() {
            case .integer(var first):
                guard case .integer(let count) = lexer.next(), count >= 0, first >= 0 else {
                    throw PDFError.malformed("bad xref subsection header")
                }
                guard count <= limits.maxObjectCount - total else { throw PDFError.tooManyObjects(limit: limits.maxObjectCount) }
                total += count
                for k in 0..<count {
                    guard case .integer(let offset) = lexer.next(), case .integer(let generation) = lexer.next(),
                          case .keyword(let kw) = lexer.next(), kw.count == 1 else {
                        throw PDFError.malformed("bad xref entry")
                    }
                    let inUse = bytes[kw.lowerBound] == 0x6E // n
                    // Common writer bug: a table for objects 0… labelled as starting at 1.
                    if k == 0 && first == 1 && !inUse && generation == 65535 { first = 0 }
                    let number = first &+ k
                    if inUse && offset > 0 { table.addIfAbsent(number, .inFile(offset: offset, generation: generation)) }
                }
            case .keyword(let kw) where lexer.keyword(kw, is: Keyword.trailer):
                var parser = PDFObjectParser(lexer: lexer, maxDepth: limits.maxNestingDepth)
                guard case .dictionary(let trailer) = try parser.parseObject() else {
                    throw PDFError.malformed("trailer is not a dictionary")
                }
                return trailer
            default:
                throw PDFError.malformed("xref table not followed by a trailer")
            }
        }
    }

    /// A cross-reference stream: rows of `/W`-sized big-endian fields, for the ranges in `/Index`.
    private func readXRefStream(_ stream: PDFStream, into table: inout XRefTable) throws {
        let d = stream.dictionary
        guard let widths = d["W"]?.arrayValue?.compactMap(\.intValue), widths.count == 3,
              widths.allSatisfy({ (0...8).contains($0) }) else {
            throw PDFError.malformed("bad /W in cross-reference stream")
        }
        let size = d["Size"]?.intValue ?? 0
        guard size <= limits.maxObjectCount else { throw PDFError.tooManyObjects(limit: limits.maxObjectCount) }
        var ranges: [(Int, Int)] = []
        if let index = d["Index"]?.arrayValue?.compactMap(\.intValue), index.count >= 2 {
            var i = 0
            while i + 1 < index.count { ranges.append((index[i], index[i + 1])); i += 2 }
        } else {
            ranges = [(0, size)]
        }
        var total = 0
        for (_, count) in ranges {
            guard count >= 0 else { throw PDFError.malformed("negative count in /Index") }
            total = total &+ count
            guard total <= limits.maxObjectCount else { throw PDFError.tooManyObjects(limit: limits.maxObjectCount) }
        }
        // Cross-reference streams are never encrypted (§7.6.3), so decode without the handler.
        let limit = OutputLimit(maxBytes: limits.maxStreamBytes, error: .decompressedSizeExceeded(limit: limits.maxStreamBytes))
        let data = try FilterPipeline.decode(Array(stream.rawData), dictionary: d, limit: limit) { $0 }
        let rowLength = widths[0] + widths[1] + widths[2]
        guard rowLength > 0 else { return }
        var position = 0
        func field(_ width: Int, default value: Int) -> Int {
            guard width > 0 else { return value }
            var v = 0
            for _ in 0..<width { v = (v << 8) | Int(data[position]); position += 1 }
            return v
        }
        for (first, count) in ranges {
            for k in 0..<count {
                guard position + rowLength <= data.count else { return }
                let type = field(widths[0], default: 1)
                let second = field(widths[1], default: 0)
                let third = field(widths[2], default: 0)
                let number = first &+ k
                switch type {
                case 1 where second > 0: table.addIfAbsent(number, .inFile(offset: second, generation: third))
                case 2: table.addIfAbsent(number, .inObjectStream(stream: second, index: third))
                default: break
                }
            }
        }
    }
}
