/// Orders lines so that columns stay apart: lines stack into blocks (a column's paragraph, a
/// table column's cells), and blocks are read top to bottom, a block before anything below it
/// that it overlaps horizontally and before anything to its right that it overlaps vertically.
enum ReadingOrder {
    /// Lines whose baselines are at most this many font sizes apart may stack into one block.
    static let maxLineSpacing = 1.6

    struct Block {
        var lines: [LayoutLine]
        var box: PDFRect
    }

    static func order(_ lines: [LayoutLine]) -> [LayoutLine] {
        orderBlocks(blocks(of: lines)).flatMap(\.lines)
    }

    /// Stacks lines (given top to bottom) into blocks: a line joins the block whose last line
    /// sits just above it and overlaps it horizontally.
    static func blocks(of lines: [LayoutLine]) -> [Block] {
        var blocks: [Block] = []
        for line in lines {
            var best: Int?
            var bestDistance = Double.infinity
            for index in blocks.indices.reversed() {
                let last = blocks[index].lines[blocks[index].lines.count - 1]
                let distance = line.baseline - last.baseline
                let size = max(line.fontSize, last.fontSize)
                guard distance > LineBuilder.rowTolerance * size, distance <= maxLineSpacing * size,
                      overlaps(last.readingBox.x0, last.readingBox.x1, line.readingBox.x0, line.readingBox.x1)
                else { continue }
                if distance < bestDistance { best = index; bestDistance = distance }
            }
            if let best {
                blocks[best].lines.append(line)
                blocks[best].box = blocks[best].box.union(line.readingBox)
            } else {
                blocks.append(Block(lines: [line], box: line.readingBox))
            }
        }
        return blocks
    }

    /// Topological order over "above and overlapping horizontally" and "left of and overlapping
    /// vertically"; among blocks that are free to go, the topmost (then leftmost) goes first.
    static func orderBlocks(_ blocks: [Block]) -> [Block] {
        let count = blocks.count
        guard count > 1 else { return blocks }
        var predecessors = [Int](repeating: 0, count: count)
        var successors = [[Int]](repeating: [], count: count)
        for a in 0..<count {
            for b in 0..<count where a != b && precedes(blocks[a].box, blocks[b].box) {
                successors[a].append(b)
                predecessors[b] += 1
            }
        }
        var done = [Bool](repeating: false, count: count)
        var result: [Block] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            // Prefer a free block; in a cycle (overlapping blocks) take the topmost left.
            var pick: Int?
            for i in 0..<count where !done[i] && predecessors[i] == 0 {
                if pick == nil || isBefore(blocks[i].box, blocks[pick!].box) { pick = i }
            }
            if pick == nil {
                for i in 0..<count where !done[i] {
                    if pick == nil || isBefore(blocks[i].box, blocks[pick!].box) { pick = i }
                }
            }
            let chosen = pick!
            done[chosen] = true
            result.append(blocks[chosen])
            for next in successors[chosen] { predecessors[next] -= 1 }
        }
        return result
    }

    private static func precedes(_ a: PDFRect, _ b: PDFRect) -> Bool {
        if a.y1 <= b.y0 + 1, overlaps(a.x0, a.x1, b.x0, b.x1) { return true }
        if a.x1 <= b.x0 + 1, overlaps(a.y0, a.y1, b.y0, b.y1) { return true }
        return false
    }

    private static func isBefore(_ a: PDFRect, _ b: PDFRect) -> Bool {
        a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0
    }

    private static func overlaps(_ a0: Double, _ a1: Double, _ b0: Double, _ b1: Double) -> Bool {
        min(a1, b1) - max(a0, b0) > 0
    }
}
