/// Where an indirect object lives, from a cross-reference section or a repair scan.
enum XRefEntry: Equatable {
    /// `offset` bytes into the file, at `N G obj`.
    case inFile(offset: Int, generation: Int)
    /// Object `index` of the object stream numbered `stream` (§7.5.7).
    case inObjectStream(stream: Int, index: Int)
}

/// Cross-reference information merged over a `/Prev` chain: newest definitions win.
struct XRefTable {
    var entries: [Int: XRefEntry] = [:]
    /// The newest trailer dictionary (or cross-reference stream dictionary).
    var trailer = PDFDictionary()

    /// Records an entry unless a newer section already defined the object.
    mutating func addIfAbsent(_ number: Int, _ entry: XRefEntry) {
        if entries[number] == nil { entries[number] = entry }
    }

    /// Fills trailer keys that newer trailers did not set (an update may omit `/Root` or `/ID`).
    mutating func mergeOlderTrailer(_ older: PDFDictionary) {
        for (key, value) in older.entries where trailer.entries[key] == nil && key != "Prev" && key != "XRefStm" {
            trailer.entries[key] = value
        }
    }
}
