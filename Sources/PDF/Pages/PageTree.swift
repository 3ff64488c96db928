/// Walking the page tree (§7.7.3): depth-first from the catalog's `/Pages`, carrying the
/// inheritable attributes down. Nodes already visited are skipped, so a tree that loops ends.
extension PDFFile {
    /// The inheritable attributes of §7.7.3.4, as met on the way down.
    private struct Inherited {
        var resources: PDFObject?
        var mediaBox: PDFObject?
        var cropBox: PDFObject?
        var rotate: PDFObject?
    }

    /// The document's pages in order. Computed once.
    public func pages() throws -> [PDFPage] {
        if let cachedPages { return cachedPages }
        var result: [PDFPage] = []
        if let root = try usableCatalog()?["Pages"] {
            do {
                result = try walkPageTree(from: root)
            } catch PDFError.malformed {
                result = [] // e.g. a /Kids reference that loops: look for the page objects instead
            }
        }
        if result.isEmpty {
            result = try pagesFoundByScan()
            pageTreeWasRecovered = true
        }
        guard !result.isEmpty else { throw PDFError.malformed("the document has no pages") }
        cachedPages = result
        return result
    }

    private func walkPageTree(from root: PDFObject) throws -> [PDFPage] {
        var result: [PDFPage] = []
        var visited = Set<Int>()
        // Explicit stack instead of recursion: a deep hostile tree cannot overflow the call stack.
        var stack: [(node: PDFObject, inherited: Inherited, depth: Int)] = [(root, Inherited(), 0)]
        while let (node, inheritedFromParent, depth) = stack.popLast() {
            if let id = node.referenceValue {
                guard visited.insert(id.number).inserted else { continue }
            }
            guard depth <= limits.maxNestingDepth else { throw PDFError.nestingTooDeep(limit: limits.maxNestingDepth) }
            guard let dictionary = try resolve(node).dictionaryValue else { continue }
            var inherited = inheritedFromParent
            if let v = dictionary["Resources"] { inherited.resources = v }
            if let v = dictionary["MediaBox"] { inherited.mediaBox = v }
            if let v = dictionary["CropBox"] { inherited.cropBox = v }
            if let v = dictionary["Rotate"] { inherited.rotate = v }
            let kids = try dictionary["Kids"].map(resolve)?.arrayValue
            if dictionary.type == "Pages" || (dictionary.type != "Page" && kids != nil) {
                for kid in (kids ?? []).reversed() { stack.append((kid, inherited, depth + 1)) }
                if stack.count > limits.maxObjectCount { throw PDFError.tooManyObjects(limit: limits.maxObjectCount) }
                continue
            }
            if result.count & 63 == 63 { try checkTimeBudget() }
            result.append(try makePage(number: result.count + 1, id: node.referenceValue, dictionary: dictionary, inherited: inherited))
        }
        return result
    }

    /// When the page tree is broken (a `/Pages` pointing nowhere), every `/Type /Page` object,
    /// in object-number order, inheriting attributes through its `/Parent` chain — as poppler does.
    private func pagesFoundByScan() throws -> [PDFPage] {
        if scanned == nil { scanned = try XRefRepair.scan(self).entries }
        var numbers = Set(xref.keys)
        if let scanned { numbers.formUnion(scanned.keys) }
        var result: [PDFPage] = []
        for (i, number) in numbers.sorted().enumerated() {
            if i & 255 == 255 { try checkTimeBudget() }
            if case .inFile(let offset, _)? = scanned?[number] ?? xref[number],
               objectDictionaryHead(at: offset)?.type != "Page" { continue }
            let id = PDFObjectID(number: number, generation: 0)
            guard let dictionary = try? object(id).dictionaryValue, dictionary.type == "Page" else { continue }
            if result.count & 63 == 63 { try checkTimeBudget() }
            result.append(try makePage(number: result.count + 1, id: id, dictionary: dictionary,
                                       inherited: try inheritedThroughParents(of: dictionary)))
        }
        return result
    }

    /// The inheritable attributes a page gets from its `/Parent` chain (nearest ancestor wins).
    private func inheritedThroughParents(of page: PDFDictionary) throws -> Inherited {
        var inherited = Inherited()
        var node: PDFDictionary? = page
        var visited = Set<Int>()
        var depth = 0
        while let current = node, depth <= limits.maxNestingDepth {
            if inherited.resources == nil { inherited.resources = current["Resources"] }
            if inherited.mediaBox == nil { inherited.mediaBox = current["MediaBox"] }
            if inherited.cropBox == nil { inherited.cropBox = current["CropBox"] }
            if inherited.rotate == nil { inherited.rotate = current["Rotate"] }
            guard let parent = current["Parent"], let id = parent.referenceValue, visited.insert(id.number).inserted else { break }
            node = try? resolve(parent).dictionaryValue
            depth += 1
        }
        return inherited
    }

    private func makePage(number: Int, id: PDFObjectID?, dictionary: PDFDictionary, inherited: Inherited) throws -> PDFPage {
        let resources = try inherited.resources.map(resolve)?.dictionaryValue ?? PDFDictionary()
        let letter = PDFRect(x0: 0, y0: 0, x1: 612, y1: 792)
        var media = try inherited.mediaBox.flatMap(rectangle) ?? letter
        if media.width <= 0 || media.height <= 0 { media = letter }
        var crop = try inherited.cropBox.flatMap(rectangle) ?? media
        crop = PDFRect(x0: max(crop.x0, media.x0), y0: max(crop.y0, media.y0),
                       x1: min(crop.x1, media.x1), y1: min(crop.y1, media.y1))
        if crop.width <= 0 || crop.height <= 0 { crop = media }
        let degrees = try inherited.rotate.map(resolve)?.intValue ?? 0
        var rotate = ((degrees % 360) + 360) % 360
        rotate -= rotate % 90
        return PDFPage(number: number, objectID: id, dictionary: dictionary, resources: resources,
                       mediaBox: media, cropBox: crop, rotate: rotate)
    }

    /// A normalised rectangle from `[x0 y0 x1 y1]`, or nil when the entry is not one.
    func rectangle(_ object: PDFObject) throws -> PDFRect? {
        guard let items = try resolve(object).arrayValue, items.count == 4 else { return nil }
        var v: [Double] = []
        for item in items {
            guard let n = try resolve(item).numberValue, n.isFinite else { return nil }
            v.append(n)
        }
        return PDFRect(x0: min(v[0], v[2]), y0: min(v[1], v[3]), x1: max(v[0], v[2]), y1: max(v[1], v[3]))
    }
}
