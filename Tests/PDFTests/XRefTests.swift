import Foundation
import XCTest
@testable import PDF

/// Appends raw PDF pieces and remembers where each object starts, for hand-built xref layouts.
struct RawPDFWriter {
    var bytes: [UInt8] = Array("%PDF-1.7\n".utf8)
    var offsets: [Int: Int] = [:]

    mutating func text(_ s: String) { bytes += Array(s.utf8) }

    /// A writer holding objects 1–3: catalog, page tree, and one page with `pageEntries`.
    static func withOnePage(_ pageEntries: String = "/Contents 4 0 R") -> RawPDFWriter {
        var w = RawPDFWriter()
        w.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        w.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        w.object(3, "<< /Type /Page /Parent 2 0 R \(pageEntries) >>")
        return w
    }

    mutating func object(_ number: Int, _ body: String) {
        offsets[number] = bytes.count
        text("\(number) 0 obj\n\(body)\nendobj\n")
    }

    mutating func streamObject(_ number: Int, dictionary: String, data: [UInt8]) {
        offsets[number] = bytes.count
        text("\(number) 0 obj\n<< \(dictionary) /Length \(data.count) >>\nstream\n")
        bytes += data
        text("\nendstream\nendobj\n")
    }

    /// A classic table for `numbers` (one subsection per run) followed by the trailer.
    mutating func classicXRef(_ numbers: [Int], trailer: String) -> Int {
        let start = bytes.count
        text("xref\n")
        for n in numbers.sorted() { text("\(n) 1\n" + String(format: "%010d 00000 n \n", offsets[n] ?? 0)) }
        text("trailer\n<< \(trailer) >>\nstartxref\n\(start)\n%%EOF\n")
        return start
    }

    /// Big-endian fields of the given widths.
    static func row(_ fields: [Int], widths: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        for (value, width) in zip(fields, widths) {
            for k in stride(from: width - 1, through: 0, by: -1) { out.append(UInt8(truncatingIfNeeded: value >> (8 * k))) }
        }
        return out
    }

    /// An object stream holding `objects` (number, body).
    mutating func objectStream(_ number: Int, _ objects: [(Int, String)]) {
        var header = "", body = ""
        for (n, text) in objects {
            header += "\(n) \(body.utf8.count) "
            body += text + "\n"
        }
        let data = zlibCompressed(Array((header + body).utf8))
        streamObject(number, dictionary: "/Type /ObjStm /N \(objects.count) /First \(header.utf8.count) /Filter /FlateDecode", data: data)
    }
}

final class XRefTests: XCTestCase {
    private let content = "BT /F1 12 Tf 72 700 Td (Hello) Tj ET"

    func testClassicTableLoadsObjectsLazily() throws {
        let file = try PDFFile(bytes: TestPDFBuilder.onePage(content: content).bytes)
        XCTAssertFalse(file.wasRepaired)
        XCTAssertEqual(file.version, "1.7")
        XCTAssertTrue(file.cache.isEmpty || file.cache.count <= 2, "only the catalog is read on open")
        let page = try XCTUnwrap(file.pages().first)
        XCTAssertEqual(try page.contentData(in: file), Array(content.utf8))
    }

    func testCrossReferenceStreamWithObjectStreamAndPNGPredictor() throws {
        var w = RawPDFWriter()
        w.objectStream(5, [(1, "<< /Type /Catalog /Pages 2 0 R >>"),
                           (2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")])
        w.object(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
        w.streamObject(4, dictionary: "", data: Array(content.utf8))
        let xrefOffset = w.bytes.count
        let widths = [1, 4, 2]
        let rows: [[Int]] = [[0, 0, 65535], [2, 5, 0], [2, 5, 1], [1, w.offsets[3]!, 0], [1, w.offsets[4]!, 0],
                             [1, w.offsets[5]!, 0], [1, xrefOffset, 0]]
        // PNG "Up" predictor on 7-byte rows, as most writers emit.
        var predicted: [UInt8] = []
        var previous = [UInt8](repeating: 0, count: 7)
        for r in rows {
            let raw = RawPDFWriter.row(r, widths: widths)
            predicted.append(2)
            predicted += zip(raw, previous).map { $0 &- $1 }
            previous = raw
        }
        w.streamObject(6, dictionary: "/Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >>",
                       data: zlibCompressed(predicted))
        w.text("startxref\n\(xrefOffset)\n%%EOF\n")

        let file = try PDFFile(bytes: w.bytes)
        XCTAssertFalse(file.wasRepaired)
        XCTAssertEqual(file.xref[1], .inObjectStream(stream: 5, index: 0))
        XCTAssertEqual(file.trailer.type, "XRef")
        let pages = try file.pages()
        XCTAssertEqual(pages.count, 1)
        XCTAssertEqual(try pages[0].contentData(in: file), Array(content.utf8))
    }

    func testIncrementalUpdateNewestDefinitionWinsAndOlderTrailerKeysAreKept() throws {
        var w = RawPDFWriter.withOnePage()
        w.streamObject(4, dictionary: "", data: Array("(old) Tj".utf8))
        w.object(5, "<< /Producer (first) >>")
        let first = w.classicXRef([1, 2, 3, 4, 5], trailer: "/Size 6 /Root 1 0 R /Info 5 0 R")
        w.streamObject(4, dictionary: "", data: Array("(new) Tj".utf8))
        w.classicXRef([4], trailer: "/Size 6 /Root 1 0 R /Prev \(first)")

        let file = try PDFFile(bytes: w.bytes)
        XCTAssertFalse(file.wasRepaired)
        XCTAssertEqual(try file.pages()[0].contentData(in: file), Array("(new) Tj".utf8))
        XCTAssertEqual(file.trailer["Info"]?.referenceValue?.number, 5, "/Info from the older trailer")
        XCTAssertEqual(try file.resolve(file.trailer["Info"]!).dictionaryValue?["Producer"]?.stringBytes, Array("first".utf8))
    }

    func testLinearizedLayout() throws {
        // First-page section at the front (objects 5–7, trailer with /Root and /Prev), the main
        // section at the end (objects 1–4, a trailer without /Root); startxref names the first.
        var w = RawPDFWriter()
        w.object(5, "<< /Linearized 1 /L 0 /O 7 /N 1 >>")
        let firstXRefAt = w.bytes.count
        let placeholder = "xref\n5 3\n" + String(repeating: "0000000000 00000 n \n", count: 3)
        w.text(placeholder + "trailer\n<< /Size 8 /Root 6 0 R /Prev 0000000000 >>\nstartxref\n0\n%%EOF\n")
        w.object(6, "<< /Type /Catalog /Pages 1 0 R >>")
        w.object(7, "<< /Type /Page /Parent 1 0 R /Contents 2 0 R >>")
        w.object(1, "<< /Type /Pages /Kids [7 0 R] /Count 1 >>")
        w.streamObject(2, dictionary: "", data: Array(content.utf8))
        let mainXRefAt = w.bytes.count
        w.text("xref\n0 3\n0000000000 65535 f \n" + String(format: "%010d 00000 n \n%010d 00000 n \n", w.offsets[1]!, w.offsets[2]!))
        w.text("trailer\n<< /Size 3 >>\nstartxref\n\(firstXRefAt)\n%%EOF\n")
        // Fill in the first-page section now that offsets are known (same byte lengths).
        let filled = "xref\n5 3\n" + [5, 6, 7].map { String(format: "%010d 00000 n \n", w.offsets[$0]!) }.joined()
            + "trailer\n<< /Size 8 /Root 6 0 R /Prev " + String(format: "%010d", mainXRefAt) + " >>\nstartxref\n0\n%%EOF\n"
        w.bytes.replaceSubrange(firstXRefAt..<(firstXRefAt + filled.utf8.count), with: Array(filled.utf8))

        let file = try PDFFile(bytes: w.bytes)
        XCTAssertFalse(file.wasRepaired)
        XCTAssertEqual(file.trailer["Root"]?.referenceValue?.number, 6)
        XCTAssertEqual(try file.pages()[0].contentData(in: file), Array(content.utf8))
    }

    func testPrevChainThatLoopsEnds() throws {
        var w = RawPDFWriter.withOnePage("")
        let start = w.bytes.count
        w.classicXRef([1, 2, 3], trailer: "/Size 4 /Root 1 0 R /Prev \(start)")
        let file = try PDFFile(bytes: w.bytes)
        XCTAssertEqual(try file.pages().count, 1)
    }

    func testHybridFileReadsObjectsListedOnlyInTheXRefStream() throws {
        var w = RawPDFWriter.withOnePage("/Resources 7 0 R")
        w.objectStream(5, [(7, "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>")])
        let xrefStreamOffset = w.bytes.count
        let widths = [1, 2, 1]
        let data = RawPDFWriter.row([2, 5, 0], widths: widths)
        w.streamObject(6, dictionary: "/Type /XRef /Size 8 /W [1 2 1] /Index [7 1]", data: data)
        w.classicXRef([1, 2, 3, 5], trailer: "/Size 8 /Root 1 0 R /XRefStm \(xrefStreamOffset)")

        let file = try PDFFile(bytes: w.bytes)
        XCTAssertFalse(file.wasRepaired)
        XCTAssertEqual(file.xref[7], .inObjectStream(stream: 5, index: 0))
        let page = try XCTUnwrap(file.pages().first)
        XCTAssertEqual(page.resources["Font"]?.dictionaryValue?["F1"]?.dictionaryValue?["BaseFont"]?.nameValue, "Helvetica")
    }

    func testStreamLengthAsIndirectObject() throws {
        var w = RawPDFWriter.withOnePage()
        w.offsets[4] = w.bytes.count
        w.text("4 0 obj\n<< /Length 5 0 R >>\nstream\n\(content)\nendstream\nendobj\n")
        w.object(5, "\(content.utf8.count)")
        w.classicXRef([1, 2, 3, 4, 5], trailer: "/Size 6 /Root 1 0 R")
        let file = try PDFFile(bytes: w.bytes)
        XCTAssertEqual(try file.pages()[0].contentData(in: file), Array(content.utf8))
    }

    func testWrongStreamLengthFallsBackToEndstream() throws {
        var w = RawPDFWriter.withOnePage()
        w.offsets[4] = w.bytes.count
        w.text("4 0 obj\n<< /Length 9999 >>\nstream\r\n\(content)\r\nendstream\nendobj\n")
        w.classicXRef([1, 2, 3, 4], trailer: "/Size 5 /Root 1 0 R")
        let file = try PDFFile(bytes: w.bytes)
        XCTAssertEqual(try file.pages()[0].contentData(in: file), Array(content.utf8))
    }

    func testSeveralStreamsWithoutLengthEachGetTheirOwnData() throws {
        var w = RawPDFWriter()
        w.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        w.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        w.object(3, "<< /Type /Page /Parent 2 0 R /Contents [6 0 R 4 0 R 5 0 R] >>")
        for (n, text) in [(4, "(four) Tj"), (5, "(five) Tj"), (6, "(six) Tj")] {
            w.offsets[n] = w.bytes.count
            w.text("\(n) 0 obj\n<< >>\nstream\n\(text)\nendstream\nendobj\n")
        }
        w.classicXRef([1, 2, 3, 4, 5, 6], trailer: "/Size 7 /Root 1 0 R")
        let file = try PDFFile(bytes: w.bytes)
        XCTAssertEqual(try file.pages()[0].contentStreams(in: file).map { String(decoding: $0, as: UTF8.self) },
                       ["(six) Tj", "(four) Tj", "(five) Tj"])
    }

    func testObjectStreamIndexThatIsWrongIsSearched() throws {
        var w = RawPDFWriter.withOnePage("/Resources 7 0 R")
        w.objectStream(5, [(8, "<< /Other true >>"), (7, "<< /ProcSet [/PDF /Text] >>")])
        let xrefStreamOffset = w.bytes.count
        // The xref says object 7 is at index 0 of stream 5; it is at index 1.
        w.streamObject(6, dictionary: "/Type /XRef /Size 8 /W [1 2 1] /Index [7 1]", data: RawPDFWriter.row([2, 5, 0], widths: [1, 2, 1]))
        w.classicXRef([1, 2, 3, 5], trailer: "/Size 9 /Root 1 0 R /XRefStm \(xrefStreamOffset)")
        let file = try PDFFile(bytes: w.bytes)
        XCTAssertEqual(try file.pages()[0].resources["ProcSet"]?.arrayValue?.count, 2)
    }

    func testXRefStreamWithoutTypeColumnDefaultsToInUse() throws {
        var w = RawPDFWriter.withOnePage("")
        let xrefOffset = w.bytes.count
        var rows: [UInt8] = []
        for n in 1...3 { rows += RawPDFWriter.row([w.offsets[n]!, 0], widths: [4, 1]) }
        w.streamObject(4, dictionary: "/Type /XRef /Size 4 /W [0 4 1] /Index [1 3] /Root 1 0 R", data: rows)
        w.text("startxref\n\(xrefOffset)\n%%EOF\n")
        let file = try PDFFile(bytes: w.bytes)
        XCTAssertFalse(file.wasRepaired)
        XCTAssertEqual(file.xref[3], .inFile(offset: w.offsets[3]!, generation: 0))
        XCTAssertEqual(try file.pages().count, 1)
    }

    func testObjStmXRefStreamCorpusFile() throws {
        let file = try PDFFile(bytes: TestCorpus.bytes("pdf-robustness", "objstm-xrefstream.pdf"))
        XCTAssertFalse(file.wasRepaired)
        XCTAssertTrue(file.xref.values.contains { if case .inObjectStream = $0 { return true }; return false })
        XCTAssertFalse(try file.pages().isEmpty)
    }
}
