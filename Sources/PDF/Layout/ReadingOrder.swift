/// Orders lines so that columns stay apart: lines stack into blocks (a column's paragraph, a
/// table column's cells), and blocks are read top to bottom, a block before anything below it
/// that it overlaps horizontally and before anything to its right that it overlaps vertically.
enum ReadingOrder {
    /// Lines whose baselines are at most this many font sizes apart may stack into one block.
    static let maxLineSpacing = 1.6
    /// A new line may join only the blocks most recently extended; a page has a few columns,
    /// a hostile one thousands of fragments, which must not cost lines × blocks.
    static let maxOpenBlocks = 256
    /// Beyond this many blocks (no real page), blocks are read top to bottom, left to right,
    /// instead of by the quadratic column-aware order.
    static let maxOrderedBlocks = 2_000

    /// Lines stacked into one block, by their index in the page's line list.
    struct Block {
        var lineIndices: [Int]
        var box: PDFRect
        /// The last line's baseline, font size and span: all a new line is compared with
        /// (kept here so the search does not copy whole lines out of the list).
        var lastBaseline: Double
        var lastFontSize: Double
        var lastX0: Double
        var lastX1: Double

        init(line: LayoutLine, index: Int) {
            lineIndices = [index]
            box = line.readingBox
            lastBaseline = line.baseline
            lastFontSize = line.fontSize
            lastX0 = line.readingBox.x0
            lastX1 = line.readingBox.x1
        }

        mutating func append(_ line: LayoutLine, index: Int) {
            lineIndices.append(index)
            box = box.union(line.readingBox)
            lastBaseline = line.baseline
            lastFontSize = line.fontSize
            lastX0 = line.readingBox.x0
            lastX1 = line.readingBox.x1
        }
    }

    static func order(_ lines: [LayoutLine]) -> [LayoutLine] {
        let blocks = blocks(of: lines)
        var ordered: [LayoutLine] = []
        ordered.reserveCapacity(lines.count)
        for block in orderBlocks(blocks.map(\.box)) {
            for index in blocks[block].lineIndices { ordered.append(lines[index]) }
        }
        return ordered
    }

    /// Stacks lines (given top to bottom) into blocks: a line joins the block whose last line
    /// sits just above it and overlaps it horizontally.
    static func blocks(of lines: [LayoutLine]) -> [Block] {
        var blocks: [Block] = []
        // Block indices, least recently extended first; at most `maxOpenBlocks`.
        var open: [Int] = []
        for (index, line) in lines.enumerated() {
            var best: Int?
            var bestDistance = Double.infinity
            for candidate in open.reversed() {
                // Field by field: copying the block would retain its line list.
                let distance = line.baseline - blocks[candidate].lastBaseline
                let size = max(line.fontSize, blocks[candidate].lastFontSize)
                guard distance > LineBuilder.rowTolerance * size, distance <= maxLineSpacing * size,
                      overlaps(blocks[candidate].lastX0, blocks[candidate].lastX1, line.readingBox.x0, line.readingBox.x1)
                else { continue }
                if distance < bestDistance { best = candidate; bestDistance = distance }
            }
            if let best {
                blocks[best].append(line, index: index)
                open.removeAll { $0 == best }
                open.append(best)
            } else {
                blocks.append(Block(line: line, index: index))
                open.append(blocks.count - 1)
                if open.count > maxOpenBlocks { open.removeFirst() }
            }
        }
        return blocks
    }

    /// Topological order over "above and overlapping horizontally" and "left of and overlapping
    /// vertically"; among blocks that are free to go, the topmost (then leftmost) goes first.
    /// Returns indices into `boxes`.
    static func orderBlocks(_ boxes: [PDFRect]) -> [Int] {
        let count = boxes.count
        guard count > 1 else { return Array(0..<count) }
        guard count <= maxOrderedBlocks else { return boxes.indices.sorted { isBefore(boxes[$0], boxes[$1]) } }
        // Candidates in reading preference (topmost, then leftmost): the first free one goes next.
        let byPosition = boxes.indices.sorted { isBefore(boxes[$0], boxes[$1]) }
        // successor[a * count + b]: a must be read before b.
        var successor = [Bool](repeating: false, count: count * count)
        var predecessors = [Int](repeating: 0, count: count)
        var done = [Bool](repeating: false, count: count)
        var result: [Int] = []
        result.reserveCapacity(count)
        boxes.withUnsafeBufferPointer { boxes in
            successor.withUnsafeMutableBufferPointer { successor in
                for a in 0..<count {
                    let boxA = boxes[a]
                    for b in 0..<count where a != b && precedes(boxA, boxes[b]) {
                        successor[a * count + b] = true
                        predecessors[b] += 1
                    }
                }
                for _ in 0..<count {
                    // A free block if there is one; in a cycle (overlapping blocks) the first left.
                    let pick = byPosition.first { !done[$0] && predecessors[$0] == 0 } ?? byPosition.first { !done[$0] }!
                    done[pick] = true
                    result.append(pick)
                    for next in 0..<count where successor[pick * count + next] { predecessors[next] -= 1 }
                }
            }
        }
        return result
    }

    @inline(__always)
    private static func precedes(_ a: PDFRect, _ b: PDFRect) -> Bool {
        if a.y1 <= b.y0 + 1, overlaps(a.x0, a.x1, b.x0, b.x1) { return true }
        if a.x1 <= b.x0 + 1, overlaps(a.y0, a.y1, b.y0, b.y1) { return true }
        return false
    }

    private static func isBefore(_ a: PDFRect, _ b: PDFRect) -> Bool {
        a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0
    }

    @inline(__always)
    private static func overlaps(_ a0: Double, _ a1: Double, _ b0: Double, _ b1: Double) -> Bool {
        min(a1, b1) - max(a0, b0) > 0
    }
}
