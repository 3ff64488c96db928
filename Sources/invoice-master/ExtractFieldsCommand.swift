#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Extraction
import PDF

/// `invoice-master extract [--threshold T] FILE.pdf [FILE.pdf ...]`: prints one JSON line per
/// file, `{"file", "fields": {Name: {"value", "confidence", "page", "bbox"}}}`, keeping fields
/// whose confidence is at least T (default 0.5). A file that cannot be read gets a one-line
/// error on stderr; the exit code is 1 if any file failed, 2 for bad usage.
func runExtractFieldsCommand(_ arguments: [String]) -> Int32 {
    var threshold = 0.5
    var files: [String] = []
    var i = 0
    while i < arguments.count {
        let argument = arguments[i]
        if argument == "--threshold" || argument.hasPrefix("--threshold=") {
            let text: String
            if argument == "--threshold" {
                guard i + 1 < arguments.count else { return usageError("--threshold needs a value") }
                text = arguments[i + 1]
                i += 1
            } else {
                text = String(argument.dropFirst("--threshold=".count))
            }
            guard let value = Double(text), (0...1).contains(value) else {
                return usageError("--threshold must be a number between 0 and 1")
            }
            threshold = value
        } else if argument.hasPrefix("--") {
            return usageError("unknown option \(argument)")
        } else {
            files.append(argument)
        }
        i += 1
    }
    guard !files.isEmpty else { return usageError("no input files") }

    let extractor = InvoiceExtractor()
    var failed = false
    for file in files {
        do {
            let pages = try readTextPages(path: file)
            let fields = extractor.extract(pages: pages).filter { $0.confidence >= threshold }
            print(extractionJSON(file: file, fields: fields))
        } catch {
            fputs("invoice-master: \(file): \(error)\n", stderr)
            failed = true
        }
    }
    return failed ? 1 : 0
}

/// The text layer of every page of the PDF at `path`.
func readTextPages(path: String) throws -> [TextPage] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ExtractFileError(message: "cannot read the file")
    }
    return try PDFDocument(bytes: [UInt8](data)).textPages()
}

private struct ExtractFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

private func usageError(_ message: String) -> Int32 {
    fputs("invoice-master extract: \(message)\nusage: invoice-master extract [--threshold T] FILE.pdf [FILE.pdf ...]\n", stderr)
    return 2
}

/// One line of JSON, keys in a fixed order so output diffs cleanly.
func extractionJSON(file: String, fields: [ExtractedField]) -> String {
    let entries = fields.map { f in
        let bbox = [f.box.x0, f.box.y0, f.box.x1, f.box.y1].map { jsonNumber($0) }.joined(separator: ",")
        return "\(jsonString(f.name)):{\"value\":\(jsonString(f.value)),\"confidence\":\(jsonNumber(f.confidence)),"
            + "\"page\":\(f.page),\"bbox\":[\(bbox)]}"
    }
    return "{\"file\":\(jsonString(file)),\"fields\":{\(entries.joined(separator: ","))}}"
}

private func jsonNumber(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}

private func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
