import Foundation
import XCTest
@testable import PDF

/// Corpus invoices with every `/ToUnicode` removed (and, for CFF fonts, every simple font's
/// `/Encoding`), so that only the embedded font programs can tell what the glyphs mean. The
/// fixtures are made at test time: `qpdf --qdf` writes each object uncompressed, and the
/// font dictionaries' entries are blanked with spaces of the same length, keeping offsets.
final class StrippedToUnicodeTests: XCTestCase {
    private func qpdf() throws -> String {
        let candidates = ["/usr/bin/qpdf", "/usr/local/bin/qpdf"]
        guard let tool = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("qpdf is missing: install it (apt-get install qpdf; scripts/test does)")
        }
        return tool
    }

    /// The file rewritten by `qpdf --qdf` with the named dictionary entries blanked out.
    private func stripped(_ url: URL, removing keys: [String]) throws -> [UInt8] {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("stripped-\(ProcessInfo.processInfo.processIdentifier)-\(url.lastPathComponent)")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try qpdf())
        process.arguments = ["--qdf", "--object-streams=disable", url.path, output.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        // qpdf exits 3 for warnings, with a usable output.
        XCTAssertTrue([0, 3].contains(process.terminationStatus), url.lastPathComponent)
        var bytes = Array(try Data(contentsOf: output))
        for key in keys { DictionaryEntryBlanker.blank(key, in: &bytes) }
        return bytes
    }

    private struct Outcome {
        var file: String
        var original: [String]
        var stripped: [String]
        var unknown: Int
        var characters: Int { original.joined().count }
    }

    private func compare(_ folder: String, producers: [String], removing keys: [String]) throws -> [Outcome] {
        let directory = Corpus.root.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { name in
            name.hasSuffix(".pdf") && producers.contains { name.contains($0) }
        }.sorted()
        XCTAssertFalse(names.isEmpty, "no corpus files for \(producers)")
        return try names.map { name in
            let url = directory.appendingPathComponent(name)
            let original = try PDFDocument(bytes: Corpus.bytes(url)).textPages().map(\.text)
            let pages = try PDFDocument(bytes: stripped(url, removing: keys)).textPages()
            return Outcome(file: name, original: original, stripped: pages.map(\.text),
                           unknown: pages.map(\.unknownCharacterCount).reduce(0, +))
        }
    }

    private func report(_ outcomes: [Outcome]) {
        print("file | characters | U+FFFD without ToUnicode | identical")
        for outcome in outcomes {
            print("\(outcome.file) | \(outcome.characters) | \(outcome.unknown) | \(outcome.original == outcome.stripped)")
        }
    }

    /// fpdf2 (CIDFontType2, CIDToGIDMap stream), WeasyPrint (CIDFontType2 and OpenType CFF
    /// CIDFontType0, Identity) and Google Docs: their subset programs keep a Unicode cmap for
    /// every glyph drawn, so the text without ToUnicode is the text with it, character for character.
    func testIdentityHFontsWithoutToUnicodeReadTheirPrograms() throws {
        let outcomes = try compare("invoices", producers: ["_fpdf2", "_weasyprint"], removing: ["ToUnicode"])
            + compare("pdf-robustness", producers: ["google-doc-document"], removing: ["ToUnicode"])
        report(outcomes)
        for outcome in outcomes {
            XCTAssertEqual(outcome.unknown, 0, outcome.file)
            XCTAssertEqual(outcome.stripped, outcome.original, outcome.file)
        }
    }

    /// pdfkit embeds programs with neither `cmap` nor `post`: nothing tells what their glyphs
    /// are, and no text is made up for them.
    func testProgramsWithoutUnicodeOrNamesLeaveGlyphsUnknown() throws {
        let outcomes = try compare("pdf-robustness", producers: ["pdfkit"], removing: ["ToUnicode"])
        report(outcomes)
        for outcome in outcomes {
            let text = outcome.stripped.joined()
            XCTAssertGreaterThan(outcome.unknown, 0, outcome.file)
            XCTAssertTrue(text.unicodeScalars.allSatisfy { $0 == "\u{FFFD}" || $0.properties.isWhitespace }, text)
        }
    }

    /// Type1C (bare CFF) simple fonts without `/Encoding` fall back on the program's own
    /// encoding, which names the same glyphs the PDF's encoding did.
    func testType1CFontsWithoutEncodingUseTheProgramsEncoding() throws {
        let outcomes = try compare("pdf-robustness", producers: ["crazyones"], removing: ["ToUnicode", "Encoding"])
        report(outcomes)
        for outcome in outcomes {
            XCTAssertEqual(outcome.unknown, 0, outcome.file)
            XCTAssertEqual(outcome.stripped, outcome.original, outcome.file)
        }
    }
}

/// Blanks `/Key value` entries (a name or an `N G R` reference) in uncompressed PDF bytes,
/// replacing them with spaces so that every offset stays valid.
enum DictionaryEntryBlanker {
    static func blank(_ key: String, in bytes: inout [UInt8]) {
        let needle = Array("/\(key)".utf8)
        var index = 0
        while let start = ByteSearch.firstIndex(of: needle, in: bytes, from: index, to: bytes.count) {
            index = start + needle.count
            guard index < bytes.count, isDelimiter(bytes[index]) else { continue }
            var end = skipSpaces(bytes, index)
            if end < bytes.count, bytes[end] == UInt8(ascii: "/") {
                end = skipName(bytes, end + 1)
            } else {
                // N G R
                let afterNumber = skipDigits(bytes, end)
                let afterGeneration = skipDigits(bytes, skipSpaces(bytes, afterNumber))
                let r = skipSpaces(bytes, afterGeneration)
                guard afterNumber > end, afterGeneration > afterNumber, r < bytes.count, bytes[r] == UInt8(ascii: "R") else { continue }
                end = r + 1
            }
            for i in start..<end { bytes[i] = 0x20 }
            index = end
        }
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/") }
    private static func skipSpaces(_ bytes: [UInt8], _ i: Int) -> Int {
        var i = i
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        return i
    }
    private static func skipDigits(_ bytes: [UInt8], _ i: Int) -> Int {
        var i = i
        while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
        return i
    }
    private static func skipName(_ bytes: [UInt8], _ i: Int) -> Int {
        var i = i
        while i < bytes.count, !isDelimiter(bytes[i]), ![UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "(")].contains(bytes[i]) { i += 1 }
        return i
    }
}
