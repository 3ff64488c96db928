/// Runs a page's content streams far enough to place its glyphs (ISO 32000-2 §9.4):
/// text objects and state, `q`/`Q`/`cm`, and Form XObjects through `Do`. Painting, colour,
/// images and marked content are ignored; unknown operators and bad operands are skipped.
final class ContentInterpreter {
    private let source: PDFObjectSource
    private let fonts: FontCache
    /// Counts one operator toward the document's `maxContentOperators` (and time budget).
    private let countOperator: () throws -> Void
    /// Glyph bytes this page may still show: shown text is bounded like operators, so that one
    /// huge string cannot grow the glyph list without limit.
    private(set) var glyphBudget: Int
    private let glyphLimit: Int
    private let maxFormDepth: Int
    private let pageSpace: Matrix
    /// Nested `q` beyond this is ignored rather than growing the stack without bound.
    private static let maxSavedStates = 1024

    private(set) var glyphs: [PositionedGlyph] = []
    private var state = GraphicsState()
    private var savedStates: [GraphicsState] = []
    private var textMatrix = Matrix.identity
    private var lineMatrix = Matrix.identity
    /// Forms being drawn right now, to refuse a form that draws itself.
    private var activeForms: [PDFObjectID] = []
    /// Open marked-content sequences: the `/ActualText` of each (nil when it has none) and the
    /// index of the first glyph drawn inside it.
    private var markedContent: [(actualText: String?, firstGlyph: Int)] = []
    private static let maxMarkedContentDepth = 256

    init(source: PDFObjectSource, fonts: FontCache, countOperator: @escaping () throws -> Void,
         glyphBudget: Int, glyphLimit: Int, maxFormDepth: Int, pageSpace: Matrix) {
        self.source = source
        self.fonts = fonts
        self.countOperator = countOperator
        self.glyphBudget = glyphBudget
        self.glyphLimit = glyphLimit
        self.maxFormDepth = maxFormDepth
        self.pageSpace = pageSpace
    }

    /// The resources of the stream being interpreted, with the fonts already looked up in them.
    private struct ResourceScope {
        let resources: PDFDictionary
        var fontsByName: [String: PDFFont?] = [:]
    }

    /// Interprets one content stream with the given resources.
    func run(_ content: [UInt8], resources: PDFDictionary) throws {
        var parser = ContentStreamParser(content, maxNestingDepth: maxFormDepth)
        var scope = ResourceScope(resources: resources)
        while let op = try parser.nextOperator() {
            try countOperator()
            try perform(Operator.code(op), parser.operands[...], scope: &scope)
        }
    }

    private func perform(_ op: UInt32, _ operands: ArraySlice<PDFObject>, scope: inout ResourceScope) throws {
        switch op {
        case Operator.showText:
            if let string = operands.last?.stringBytes { try show(string) }
        case Operator.showTextArray:
            if let array = operands.last?.arrayValue { try showArray(array) }
        case Operator.moveLine:
            if let (tx, ty) = numbers(operands) { moveLine(tx, ty) }
        case Operator.setFont:
            if operands.count >= 2, let name = operands[operands.startIndex].nameValue,
               let size = operands[operands.startIndex + 1].numberValue {
                if let known = scope.fontsByName[name] {
                    state.font = known
                } else {
                    state.font = try font(named: name, in: scope.resources)
                    scope.fontsByName[name] = state.font
                }
                state.fontSize = size
            }
        case Operator.setTextMatrix:
            if let matrix = Matrix(operands.suffix(6)) { textMatrix = matrix; lineMatrix = matrix }
        case Operator.beginText:
            textMatrix = .identity
            lineMatrix = .identity
        case Operator.beginMarkedContentWithProperties:
            try beginMarkedContent(operands.last, resources: scope.resources)
        case Operator.beginMarkedContent:
            try beginMarkedContent(nil, resources: scope.resources)
        case Operator.endMarkedContent:
            endMarkedContent()
        case Operator.moveLineSetLeading:
            if let (tx, ty) = numbers(operands) { state.leading = -ty; moveLine(tx, ty) }
        case Operator.nextLine:
            moveLine(0, -state.leading)
        case Operator.nextLineShowText:
            moveLine(0, -state.leading)
            if let string = operands.last?.stringBytes { try show(string) }
        case Operator.nextLineSpacedShowText:
            if operands.count == 3, let aw = operands[operands.startIndex].numberValue,
               let ac = operands[operands.startIndex + 1].numberValue {
                state.wordSpacing = aw
                state.characterSpacing = ac
            }
            moveLine(0, -state.leading)
            if let string = operands.last?.stringBytes { try show(string) }
        case Operator.characterSpacing: if let v = operands.last?.numberValue { state.characterSpacing = v }
        case Operator.wordSpacing: if let v = operands.last?.numberValue { state.wordSpacing = v }
        case Operator.horizontalScaling: if let v = operands.last?.numberValue { state.horizontalScaling = v / 100 }
        case Operator.leading: if let v = operands.last?.numberValue { state.leading = v }
        case Operator.rise: if let v = operands.last?.numberValue { state.rise = v }
        case Operator.renderingMode: if let v = operands.last?.intValue { state.renderingMode = v }
        case Operator.save:
            if savedStates.count < Self.maxSavedStates { savedStates.append(state) }
        case Operator.restore:
            if let saved = savedStates.popLast() { state = saved }
        case Operator.concatenate:
            if let matrix = Matrix(operands.suffix(6)) { state.ctm = matrix.concatenating(state.ctm) }
        case Operator.drawXObject:
            if let name = operands.last?.nameValue { try drawXObject(named: name, resources: scope.resources) }
        default:
            break
        }
    }

    private func numbers(_ operands: ArraySlice<PDFObject>) -> (Double, Double)? {
        guard operands.count >= 2, let x = operands[operands.endIndex - 2].numberValue,
              let y = operands[operands.endIndex - 1].numberValue else { return nil }
        return (x, y)
    }

    private func moveLine(_ tx: Double, _ ty: Double) {
        lineMatrix = Matrix.translation(tx, ty).concatenating(lineMatrix)
        textMatrix = lineMatrix
    }

    private func font(named name: String, in resources: PDFDictionary) throws -> PDFFont? {
        guard let fontResources = try resources["Font"].map(source.resolve)?.dictionaryValue,
              let object = fontResources[name] else { return nil }
        return try fonts.font(object)
    }

    // MARK: Showing text

    private func showArray(_ array: [PDFObject]) throws {
        for element in array {
            switch element {
            case .string(let bytes): try show(bytes)
            case .integer, .real:
                // A number moves the next glyph back by thousandths of the font size.
                guard let adjustment = element.numberValue, let font = state.font else { continue }
                let distance = -adjustment / 1000 * state.fontSize
                if font.isVertical {
                    textMatrix = Matrix.translation(0, distance).concatenating(textMatrix)
                } else {
                    textMatrix = Matrix.translation(distance * state.horizontalScaling, 0).concatenating(textMatrix)
                }
            default: continue
            }
        }
    }

    /// Places each glyph of `bytes` and advances the text matrix (§9.4.4).
    private func show(_ bytes: [UInt8]) throws {
        guard let font = state.font else { return }
        glyphBudget -= bytes.count
        if glyphBudget < 0 { throw PDFError.tooManyContentOperators(limit: glyphLimit) }
        let size = state.fontSize
        let scaling = state.horizontalScaling
        let characterSpacing = state.characterSpacing
        let wordSpacing = state.wordSpacing
        let rise = state.rise
        // Text space → page space for this string; glyphs only move along x (or y) within it.
        let toPage = textMatrix.concatenating(state.ctm).concatenating(pageSpace)
        let sizeVector = toPage.applyToVector(0, size)
        let advanceVector = font.isVertical ? toPage.applyToVector(0, -1) : toPage.applyToVector(1, 0)
        let placer = GlyphPlacer(toPage: toPage,
                                 drawnSize: (sizeVector.x * sizeVector.x + sizeVector.y * sizeVector.y).squareRoot(),
                                 direction: TextDirection(dx: advanceVector.x, dy: advanceVector.y))
        // Work on the glyph list as a local (swapped out, no copy) so that appending does not
        // go through the class property, with its exclusivity check, once per glyph.
        var placed: [PositionedGlyph] = []
        swap(&placed, &glyphs)
        defer { swap(&placed, &glyphs) }
        let top = rise + font.ascent * size
        let bottom = rise + font.descent * size
        let isVertical = font.isVertical
        let verticalStep = font.verticalAdvance * size
        let horizontalScale = size * scaling
        var offset = 0.0

        font.forEachGlyph(in: bytes) { glyph in
            let spacing = characterSpacing + (glyph.isWordSpace ? wordSpacing : 0)
            if isVertical {
                let half = glyph.advance * size / 2
                placer.place(glyph, x0: -half, x1: half, y0: offset + verticalStep, y1: offset, originX: 0, originY: offset,
                             into: &placed)
                offset += verticalStep + spacing
            } else {
                let width = glyph.advance * horizontalScale
                placer.place(glyph, x0: offset, x1: offset + width, y0: bottom, y1: top, originX: offset, originY: rise,
                             into: &placed)
                offset += width + spacing * scaling
            }
        }
        textMatrix = (isVertical ? Matrix.translation(0, offset) : Matrix.translation(offset, 0))
            .concatenating(textMatrix)
    }

    // MARK: Marked content

    /// `BDC` with an `/ActualText` property: the glyphs drawn up to the matching `EMC` are
    /// replaced by that text (§14.9.4), which is how producers mark emoji, ligatures and the like.
    private func beginMarkedContent(_ properties: PDFObject?, resources: PDFDictionary) throws {
        guard markedContent.count < Self.maxMarkedContentDepth else { return }
        var dictionary = properties?.dictionaryValue
        if let name = properties?.nameValue {
            dictionary = try resources["Properties"].map(source.resolve)?.dictionaryValue?[name]
                .map(source.resolve)?.dictionaryValue
        }
        let actualText = try dictionary?["ActualText"].map(source.resolve)?.stringBytes.map(PDFTextString.decode)
        markedContent.append((actualText, glyphs.count))
    }

    private func endMarkedContent() {
        guard let (actualText, first) = markedContent.popLast(), let actualText, first < glyphs.count else { return }
        var replacement = glyphs[first]
        for glyph in glyphs[(first + 1)...] { replacement.box = replacement.box.union(glyph.box) }
        replacement.text = actualText
        replacement.isUnknown = false
        glyphs.removeSubrange(first...)
        if !actualText.isEmpty { glyphs.append(replacement) }
    }

    // MARK: Form XObjects and annotation appearances

    private func drawXObject(named name: String, resources: PDFDictionary) throws {
        guard let xobjects = try resources["XObject"].map(source.resolve)?.dictionaryValue,
              let reference = xobjects[name],
              let stream = try source.resolve(reference).streamValue,
              stream.dictionary["Subtype"]?.nameValue == "Form" else { return }
        try drawForm(stream, id: reference.referenceValue ?? stream.objectID, placement: .identity, resources: resources)
    }

    /// Draws an annotation's normal appearance, a form whose bounding box (after its matrix)
    /// is fitted into the annotation's `/Rect` (§12.5.5).
    func drawAppearance(_ stream: PDFStream, id: PDFObjectID?, rect: PDFRect) throws {
        let formMatrix = stream.dictionary["Matrix"].flatMap { $0.arrayValue }.flatMap { Matrix($0[...]) } ?? .identity
        guard let bbox = stream.dictionary["BBox"]?.arrayValue?.compactMap(\.numberValue), bbox.count == 4 else { return }
        var box: PDFRect?
        for (x, y) in [(bbox[0], bbox[1]), (bbox[2], bbox[1]), (bbox[0], bbox[3]), (bbox[2], bbox[3])] {
            let p = formMatrix.apply(x, y)
            let corner = PDFRect(x0: p.x, y0: p.y, x1: p.x, y1: p.y)
            box = box?.union(corner) ?? corner
        }
        guard let box, box.width > 0, box.height > 0 else { return }
        let fit = Matrix(rect.width / box.width, 0, 0, rect.height / box.height,
                         rect.x0 - box.x0 * rect.width / box.width, rect.y0 - box.y0 * rect.height / box.height)
        state = GraphicsState()
        try drawForm(stream, id: id, placement: fit, resources: PDFDictionary())
    }

    /// Places a text field's value the way readers regenerate a missing appearance: one line,
    /// left-aligned with a 2 pt margin, vertically centred, in Helvetica.
    func drawFieldValue(_ value: String, rect: PDFRect, fontSize: Double) throws {
        let font = FontCache.helvetica
        let size = fontSize > 0 ? fontSize : max(1, rect.height * 0.7)
        let bytes = value.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
        state = GraphicsState()
        state.font = font
        state.fontSize = size
        let baseline = rect.y0 + (rect.height - size) / 2 - font.descent * size
        textMatrix = Matrix.translation(rect.x0 + 2, baseline)
        try show(bytes)
        // The stand-in font knows Latin-1 only through StandardEncoding; the text is the value's.
        var index = glyphs.count - bytes.count
        for scalar in value.unicodeScalars where index < glyphs.count {
            glyphs[index].text = String(Character(scalar))
            glyphs[index].isUnknown = false
            index += 1
        }
    }

    /// Draws a form: its matrix, then `placement`, then the current CTM.
    private func drawForm(_ stream: PDFStream, id: PDFObjectID?, placement: Matrix, resources: PDFDictionary) throws {
        if let id, activeForms.contains(id) { return }
        guard activeForms.count < maxFormDepth else { throw PDFError.nestingTooDeep(limit: maxFormDepth) }

        let content: [UInt8]
        do {
            content = try source.decodedData(of: stream)
        } catch PDFError.malformed {
            return
        }
        let formResources = try stream.dictionary["Resources"].map(source.resolve)?.dictionaryValue ?? resources
        let matrix = stream.dictionary["Matrix"].flatMap { $0.arrayValue }.flatMap { Matrix($0[...]) } ?? .identity

        let saved = (state, textMatrix, lineMatrix, savedStates.count)
        state.ctm = matrix.concatenating(placement).concatenating(state.ctm)
        activeForms.append(id ?? PDFObjectID(number: -1 - activeForms.count, generation: 0))
        defer {
            activeForms.removeLast()
            (state, textMatrix, lineMatrix) = (saved.0, saved.1, saved.2)
            savedStates.removeLast(max(0, savedStates.count - saved.3))
        }
        try run(content, resources: formResources)
    }
}
