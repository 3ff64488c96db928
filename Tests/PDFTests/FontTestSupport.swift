@testable import PDF

/// An in-memory object store standing in for a parsed file: references resolve through
/// `objects`, stream data is returned as stored (unfiltered).
final class InMemoryObjectSource: PDFObjectSource {
    var objects: [PDFObjectID: PDFObject] = [:]

    func add(_ number: Int, _ object: PDFObject) -> PDFObject {
        let id = PDFObjectID(number: number, generation: 0)
        objects[id] = object
        return .reference(id)
    }

    func resolve(_ object: PDFObject) throws -> PDFObject {
        if case .reference(let id) = object { return objects[id] ?? .null }
        return object
    }

    func decodedData(of stream: PDFStream) throws -> [UInt8] { Array(stream.rawData) }
}

func stream(_ text: String) -> PDFObject {
    .stream(PDFStream(dictionary: PDFDictionary(), rawData: Array(text.utf8)[...], objectID: nil))
}

func names(_ list: String) -> [PDFObject] {
    list.split(separator: " ").map { Int($0).map(PDFObject.integer) ?? .name(String($0)) }
}

extension PDFFont {
    /// The text and advances a font gives a shown string.
    func decode(_ bytes: [UInt8]) -> [FontGlyph] {
        var glyphs: [FontGlyph] = []
        forEachGlyph(in: bytes) { glyphs.append($0) }
        return glyphs
    }
    func text(_ bytes: [UInt8]) -> String { decode(bytes).map(\.text).joined() }
}
