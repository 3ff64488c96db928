/// The normal appearance streams of a page's annotations (ISO 32000-2 §12.5.5): filled-in
/// form fields and free-text notes draw their text there, not in the page content.
enum AnnotationAppearances {
    struct Appearance {
        var stream: PDFStream?
        var id: PDFObjectID?
        /// The annotation's `/Rect` in user space.
        var rect: PDFRect
        /// A text field's value (`/V`), drawn by readers when the appearance lacks it
        /// (forms saved with `/NeedAppearances`).
        var fieldValue: String?
        /// The font size of the field's `/DA`; 0 means "fit the box".
        var fieldFontSize: Double
    }

    /// Annotation flags that keep an annotation off the displayed page.
    private static let hidden = 1 << 1, noView = 1 << 5
    /// Pages with more annotations than this are hostile or generated; the rest are ignored.
    private static let maxAnnotations = 10_000

    static func of(_ page: PDFPage, in source: PDFObjectSource) throws -> [Appearance] {
        guard let annotations = try page.dictionary["Annots"].map(source.resolve)?.arrayValue else { return [] }
        var result: [Appearance] = []
        for reference in annotations.prefix(maxAnnotations) {
            guard let annotation = try source.resolve(reference).dictionaryValue else { continue }
            let flags = try annotation["F"].map(source.resolve)?.intValue ?? 0
            guard flags & (hidden | noView) == 0,
                  let rect = try annotation["Rect"].map(source.resolve)?.arrayValue?.compactMap(\.numberValue),
                  rect.count == 4 else { continue }
            var streamObject = try annotation["AP"].map(source.resolve)?.dictionaryValue?["N"]
            // Check boxes, radio buttons: one appearance per state, chosen by `/AS`.
            if let normal = streamObject, case .dictionary(let states) = try source.resolve(normal) {
                let state = try annotation["AS"].map(source.resolve)?.nameValue
                streamObject = state.flatMap { states[$0] }
            }
            let stream = try streamObject.map(source.resolve)?.streamValue
            var fieldValue: String?
            if try annotation["FT"].map(source.resolve)?.nameValue == "Tx",
               let value = try annotation["V"].map(source.resolve)?.stringBytes {
                fieldValue = PDFTextString.decode(value)
            }
            guard stream != nil || fieldValue != nil else { continue }
            result.append(Appearance(stream: stream, id: streamObject?.referenceValue ?? stream?.objectID,
                                     rect: PDFRect(x0: min(rect[0], rect[2]), y0: min(rect[1], rect[3]),
                                                   x1: max(rect[0], rect[2]), y1: max(rect[1], rect[3])),
                                     fieldValue: fieldValue,
                                     fieldFontSize: try fontSize(in: annotation["DA"].map(source.resolve)?.stringBytes)))
        }
        return result
    }

    /// The size operand of `Tf` in a default-appearance string such as `/Helv 11 Tf 0 g`.
    private static func fontSize(in defaultAppearance: [UInt8]?) throws -> Double {
        guard let defaultAppearance else { return 0 }
        var parser = ContentStreamParser(defaultAppearance)
        while let operation = try parser.next() {
            if operation.op == "Tf", let size = operation.operands.last?.numberValue, size.isFinite { return max(0, size) }
        }
        return 0
    }
}
