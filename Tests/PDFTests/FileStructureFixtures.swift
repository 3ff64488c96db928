import Foundation
import XCTest
import CZlib
@testable import PDF

/// Builds small PDFs for tests, with a correct classic cross-reference unless told otherwise.
struct TestPDFBuilder {
    /// Object bodies (what goes between `N 0 obj` and `endobj`), numbered from 1.
    var objects: [String]
    var trailerExtra = ""
    var header = "%PDF-1.7\n%\u{e2}\u{e3}\u{cf}\u{d3}\n"

    init(_ objects: [String]) { self.objects = objects }

    /// A one-page document whose page draws `content` (unfiltered).
    static func onePage(content: String, extraObjects: [String] = []) -> TestPDFBuilder {
        TestPDFBuilder([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
            "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ] + extraObjects)
    }

    /// The file bytes and the offset of each object (index 0 is object 1).
    func build(xref: Bool = true) -> (bytes: [UInt8], offsets: [Int]) {
        var out = Array(header.utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xrefOffset = out.count
        if xref {
            out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
            for o in offsets { out += Array(String(format: "%010d 00000 n \n", o).utf8) }
        }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R \(trailerExtra) >>\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return (out, offsets)
    }

    var bytes: [UInt8] { build().bytes }
}

/// Data bytes (not UTF-8 text) embedded in a test PDF: streams with binary content.
func pdfWithBinaryStream(dictionary: String, data: [UInt8]) -> [UInt8] {
    var out = Array("%PDF-1.7\n".utf8)
    var offsets: [Int] = []
    let bodies: [[UInt8]] = [
        Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
        Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
        Array("<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".utf8),
        Array("<< /Length \(data.count) \(dictionary) >>\nstream\n".utf8) + data + Array("\nendstream".utf8),
    ]
    for (i, body) in bodies.enumerated() {
        offsets.append(out.count)
        out += Array("\(i + 1) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
    }
    let xrefOffset = out.count
    out += Array("xref\n0 5\n0000000000 65535 f \n".utf8)
    for o in offsets { out += Array(String(format: "%010d 00000 n \n", o).utf8) }
    out += Array("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
    return out
}

/// The shared corpus: `<package root>/../shared/corpus`, or `$PDF_CORPUS_DIR` when set.
enum TestCorpus {
    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["PDF_CORPUS_DIR"] {
            return URL(fileURLWithPath: override)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }

    static func pdfs(in subdirectory: String) throws -> [URL] {
        let dir = directory.appendingPathComponent(subdirectory)
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "pdf" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func bytes(_ subdirectory: String, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(subdirectory).appendingPathComponent(name)))
    }
}

/// The zlib-compressed form of `data`, for building FlateDecode fixtures.
func zlibCompressed(_ data: [UInt8]) -> [UInt8] {
    var length = compressBound(uLong(data.count))
    var out = [UInt8](repeating: 0, count: Int(length))
    let status = compress2(&out, &length, data, uLong(data.count), 9)
    precondition(status == Z_OK, "zlib compress failed")
    return Array(out[0..<Int(length)])
}
