/// One page of the page tree, with its inheritable attributes already resolved (§7.7.3.4).
public struct PDFPage: Sendable {
    /// 1-based position in the document.
    public var number: Int
    /// The page object, when the page is an indirect object (it always is in sound files).
    public var objectID: PDFObjectID?
    /// The page dictionary as written (inherited entries are not merged into it).
    public var dictionary: PDFDictionary
    /// `/Resources`, inherited from an ancestor when the page has none; empty when absent.
    public var resources: PDFDictionary
    /// `/MediaBox` in PDF user space, NOT page space: origin bottom-left, y growing upwards,
    /// as written in the file but normalised so `x0 <= x1`, `y0 <= y1`. US Letter when absent or invalid.
    public var mediaBox: PDFRect
    /// `/CropBox` in PDF user space (like `mediaBox`), clipped to the media box; the media box when absent.
    public var cropBox: PDFRect
    /// `/Rotate`, normalised to 0, 90, 180 or 270 (clockwise, as displayed).
    public var rotate: Int

    public init(number: Int, objectID: PDFObjectID?, dictionary: PDFDictionary, resources: PDFDictionary,
                mediaBox: PDFRect, cropBox: PDFRect, rotate: Int) {
        self.number = number; self.objectID = objectID; self.dictionary = dictionary; self.resources = resources
        self.mediaBox = mediaBox; self.cropBox = cropBox; self.rotate = rotate
    }

    /// The decoded content streams, in order (`/Contents` may be one stream or an array).
    /// A damaged stream is skipped, as readers do; limit and time-budget errors are thrown.
    public func contentStreams(in file: PDFFile) throws -> [[UInt8]] {
        guard let contents = dictionary["Contents"] else { return [] }
        let items: [PDFObject]
        switch try file.resolve(contents) {
        case .array(let array): items = array
        case let single: items = [single]
        }
        var result: [[UInt8]] = []
        for item in items.prefix(file.limits.maxObjectCount) {
            guard case .stream(let stream) = try file.resolve(item) else { continue }
            do {
                result.append(try file.decodedData(of: stream))
            } catch PDFError.malformed {
                continue
            }
        }
        return result
    }

    /// All content streams joined into one, separated by a newline: operators may not span streams,
    /// but tokens must not run together (§7.8.2).
    public func contentData(in file: PDFFile) throws -> [UInt8] {
        let streams = try contentStreams(in: file)
        if streams.count == 1 { return streams[0] }
        var joined: [UInt8] = []
        joined.reserveCapacity(streams.reduce(0) { $0 + $1.count + 1 })
        for s in streams {
            joined.append(contentsOf: s)
            joined.append(0x0A)
        }
        return joined
    }
}
