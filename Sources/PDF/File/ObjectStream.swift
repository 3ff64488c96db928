/// A decoded object stream (§7.5.7): `/N` pairs of object number and offset, then the objects.
struct ObjectStream {
    let data: [UInt8]
    /// Start of the objects: `/First`.
    let first: Int
    /// (object number, offset from `first`) in stream order.
    let index: [(number: Int, offset: Int)]

    init(stream: PDFStream, file: PDFFile) throws {
        data = try file.decodedData(of: stream)
        let count = try file.resolve(stream.dictionary["N"] ?? .null).intValue ?? 0
        first = try file.resolve(stream.dictionary["First"] ?? .null).intValue ?? 0
        guard count >= 0, count <= file.limits.maxObjectCount, first >= 0, first <= data.count else {
            throw PDFError.malformed("object stream header out of range")
        }
        var lexer = PDFLexer(bytes: data, position: 0, end: first)
        var pairs: [(Int, Int)] = []
        pairs.reserveCapacity(min(count, data.count / 4 + 1))
        while pairs.count < count {
            guard case .integer(let number) = lexer.next(), case .integer(let offset) = lexer.next() else { break }
            pairs.append((number, offset))
        }
        index = pairs
    }

    /// The object numbered `number`, expected at position `index`; the header is searched when
    /// the xref's index is wrong. Nil when the stream does not hold it.
    func object(number: Int, index position: Int, file: PDFFile) throws -> PDFObject? {
        var slot: Int? = nil
        if position >= 0 && position < index.count && index[position].number == number {
            slot = position
        } else {
            slot = index.firstIndex { $0.number == number }
        }
        guard let slot else { return nil }
        let offset = index[slot].offset
        guard offset >= 0, offset <= data.count - first else { return nil }
        let end = slot + 1 < index.count ? max(first + offset, min(data.count, first &+ index[slot + 1].offset)) : data.count
        var parser = PDFObjectParser(lexer: PDFLexer(bytes: data, position: first + offset, end: end),
                                     maxDepth: file.limits.maxNestingDepth)
        return try parser.parseObject()
    }
}
