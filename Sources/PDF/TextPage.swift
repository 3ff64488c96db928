/// A rectangle in page space: points, origin at the top-left of the (cropped, rotated) page,
/// y growing downwards. `x0 <= x1`, `y0 <= y1`.
public struct PDFRect: Sendable, Equatable, Codable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double
    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
    }
    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    /// The smallest rectangle holding both.
    public func union(_ other: PDFRect) -> PDFRect {
        PDFRect(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }
}

/// One word: glyphs with no gap wider than the font-size-relative word gap between them.
public struct TextWord: Sendable, Equatable {
    public var text: String
    public var box: PDFRect
    public var fontSize: Double
    public init(text: String, box: PDFRect, fontSize: Double) {
        self.text = text; self.box = box; self.fontSize = fontSize
    }
}

/// Words sharing a baseline within one column, left to right.
public struct TextLine: Sendable, Equatable {
    public var words: [TextWord]
    public var box: PDFRect
    public init(words: [TextWord], box: PDFRect) { self.words = words; self.box = box }
    public var text: String { words.map(\.text).joined(separator: " ") }

    /// Whether `line` ends in a word broken by a hyphen that `next`, the following line of the
    /// same column, completes: a letter and "-" at the end, a lower-case letter to start.
    static func continuesHyphenated(_ line: TextLine, _ next: TextLine) -> Bool {
        guard let last = line.words.last?.text.unicodeScalars, last.count >= 2, last.last == "-",
              let beforeHyphen = last.dropLast().last, beforeHyphen.properties.isAlphabetic,
              let first = next.words.first?.text.unicodeScalars.first, first.properties.isLowercase
        else { return false }
        let below = next.box.y0 >= line.box.y0 + line.box.height * 0.5
        let sameColumn = min(line.box.x1, next.box.x1) > max(line.box.x0, next.box.x0)
        return below && sameColumn
    }
}

/// The text layer of one page.
public struct TextPage: Sendable {
    /// 1-based page number.
    public var number: Int
    public var width: Double
    public var height: Double
    /// Lines in reading order (columns kept apart).
    public var lines: [TextLine]
    /// Glyphs drawn with no Unicode meaning in their font; they appear as U+FFFD in the text.
    /// A high share means the text layer cannot be trusted (e.g. a subset font without ToUnicode).
    public var unknownCharacterCount: Int
    public init(number: Int, width: Double, height: Double, lines: [TextLine], unknownCharacterCount: Int = 0) {
        self.number = number; self.width = width; self.height = height; self.lines = lines
        self.unknownCharacterCount = unknownCharacterCount
    }
    /// Every word, in reading order.
    public var words: [TextWord] { lines.flatMap(\.words) }
    /// Plain-text rendering: one line of text per line, in reading order. A word hyphenated
    /// across two lines of a column is joined again ("invoi-" + "ce" → "invoice"), as pdftotext does.
    public var text: String {
        // Built as UTF-8 bytes and made a String once: far cheaper than appending strings.
        var out: [UInt8] = []
        out.reserveCapacity(lines.count * 48)
        for (index, line) in lines.enumerated() {
            for (wordIndex, word) in line.words.enumerated() {
                if wordIndex > 0 { out.append(0x20) }
                out.append(contentsOf: word.text.utf8)
            }
            guard index + 1 < lines.count else { break }
            if TextLine.continuesHyphenated(line, lines[index + 1]) { out.removeLast() } else { out.append(0x0A) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
