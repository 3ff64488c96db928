#if canImport(Glibc)
import Glibc
#endif
import PDF

/// `invoice-master extract --text FILE.pdf` prints each page's text, pages ended by a form feed
/// (as pdftotext does); `extract --words FILE.pdf` prints the pages' words with their boxes as
/// JSON. A file that cannot be read prints one line to stderr and exits 1; bad usage exits 2.
func runExtractTextCommand(_ arguments: [String]) -> Int32 {
    let wantsWords = arguments.contains("--words")
    let files = arguments.filter { $0 != "--text" && $0 != "--words" }
    guard files.count == 1, !files[0].hasPrefix("-"), arguments.contains("--text") != wantsWords else {
        fputs("usage: invoice-master extract --text FILE.pdf | --words FILE.pdf\n", stderr)
        return 2
    }
    let path = files[0]
    do {
        let document = try PDFDocument(bytes: try readFile(path))
        var output = TextOutput()
        if wantsWords { output.write("{\"pages\":[") }
        for number in 1...max(1, document.pageCount) where number <= document.pageCount {
            let page = try document.textPage(number)
            if wantsWords {
                if number > 1 { output.write(",") }
                writeWordsJSON(page, to: &output)
            } else {
                output.write(page.text)
                output.write(page.lines.isEmpty ? "\u{0C}" : "\n\u{0C}")
            }
            output.flush()
        }
        if wantsWords { output.write("]}\n") }
        output.flush()
        // The process ends here: freeing the document's objects one by one would only cost time.
        withExtendedLifetime(document) { exit(0) }
    } catch {
        fputs("invoice-master: \(path): \(error)\n", stderr)
        return 1
    }
}

/// `{"number":1,"width":…,"height":…,"words":[{"text":…,"x0":…,"y0":…,"x1":…,"y1":…,"fontSize":…}]}`
private func writeWordsJSON(_ page: TextPage, to output: inout TextOutput) {
    output.write("{\"number\":\(page.number),\"width\":\(decimal(page.width)),\"height\":\(decimal(page.height)),\"words\":[")
    for (index, word) in page.words.enumerated() {
        if index > 0 { output.write(",") }
        output.write("{\"text\":")
        output.writeJSONString(word.text)
        output.write(",\"x0\":\(decimal(word.box.x0)),\"y0\":\(decimal(word.box.y0))")
        output.write(",\"x1\":\(decimal(word.box.x1)),\"y1\":\(decimal(word.box.y1))")
        output.write(",\"fontSize\":\(decimal(word.fontSize))}")
    }
    output.write("]}")
}

/// A value in points with two decimals, without Foundation's formatter.
private func decimal(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// Buffered UTF-8 output to stdout.
private struct TextOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ text: String) { buffer.append(contentsOf: text.utf8) }

    mutating func writeJSONString(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: buffer += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: buffer += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: buffer += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                buffer += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        _ = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stdout) }
        buffer.removeAll(keepingCapacity: true)
        fflush(stdout)
    }
}

/// The whole file, read with stdio (no Foundation at start-up).
private func readFile(_ path: String) throws -> [UInt8] {
    guard let handle = fopen(path, "rb") else {
        throw FileReadError(message: String(cString: strerror(errno)))
    }
    defer { fclose(handle) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
        if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
        if count < chunk.count {
            if ferror(handle) != 0 { throw FileReadError(message: "read error") }
            return bytes
        }
    }
}

private struct FileReadError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
