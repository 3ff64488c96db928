import Foundation
import XCTest
@testable import PDF

final class RepairTests: XCTestCase {
    private let content = "BT /F1 12 Tf 72 700 Td (Repaired) Tj ET"

    private func assertReadable(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        let pdf = try PDFFile(bytes: bytes)
        let pages = try pdf.pages()
        XCTAssertEqual(pages.count, 1, file: file, line: line)
        XCTAssertEqual(try pages.first?.contentData(in: pdf), Array(content.utf8), file: file, line: line)
    }

    func testWrongOffsetsAreRepairedByScanning() throws {
        var bytes = TestPDFBuilder.onePage(content: content).bytes
        // Shift every object by inserting bytes after the header; the xref still holds old offsets.
        bytes.insert(contentsOf: Array("% inserted comment that moves every object\n".utf8), at: 9)
        try assertReadable(bytes)
    }

    func testMissingXRefAndStartXRef() throws {
        let built = TestPDFBuilder.onePage(content: content).build(xref: false)
        var bytes = built.bytes
        if let at = ByteSearch.firstIndex(of: Array("startxref".utf8), in: bytes, from: 0, to: bytes.count) {
            bytes.removeSubrange(at..<bytes.count)
        }
        let file = try PDFFile(bytes: bytes)
        XCTAssertTrue(file.wasRepaired)
        XCTAssertEqual(try file.pages().count, 1)
    }

    func testTruncatedFileWithoutTrailerFindsTheCatalog() throws {
        let built = TestPDFBuilder.onePage(content: content).build()
        // Cut right after the last object: no xref, no trailer.
        let cut = Array(built.bytes.prefix(ByteSearch.firstIndex(of: Array("xref".utf8), in: built.bytes, from: 0, to: built.bytes.count)!))
        let file = try PDFFile(bytes: cut)
        XCTAssertTrue(file.wasRepaired)
        XCTAssertEqual(file.trailer["Root"]?.referenceValue?.number, 1)
        XCTAssertEqual(try file.pages()[0].contentData(in: file), Array(content.utf8))
    }

    func testJunkBeforeHeader() throws {
        let junk = Array(String(repeating: "junk ", count: 40).utf8)
        try assertReadable(junk + TestPDFBuilder.onePage(content: content).bytes)
    }

    func testStartXRefPointingIntoTheVoid() throws {
        var bytes = TestPDFBuilder.onePage(content: content).bytes
        let at = ByteSearch.lastIndex(of: Array("startxref".utf8), in: bytes, from: 0, to: bytes.count)!
        bytes.replaceSubrange(at..<bytes.count, with: Array("startxref\n99999999\n%%EOF\n".utf8))
        try assertReadable(bytes)
    }

    func testTrailerRootThatLoopsIsRepairedFromTheCatalogObject() throws {
        var builder = TestPDFBuilder.onePage(content: content, extraObjects: ["6 0 R", "5 0 R"])
        builder.trailerExtra = "/Root 5 0 R"
        let text = String(decoding: builder.bytes, as: UTF8.self).replacingOccurrences(of: "/Root 1 0 R /Root 5 0 R", with: "/Root 5 0 R")
        let file = try PDFFile(bytes: Array(text.utf8))
        XCTAssertTrue(file.wasRepaired)
        XCTAssertEqual(try file.pages()[0].contentData(in: file), Array(content.utf8))
    }

    func testNotAPDF() {
        XCTAssertThrowsError(try PDFFile(bytes: Array("hello world".utf8))) { XCTAssertEqual($0 as? PDFError, .notAPDF) }
        XCTAssertThrowsError(try PDFFile(bytes: [])) { XCTAssertEqual($0 as? PDFError, .notAPDF) }
    }

    func testHeaderOnlyIsMalformed() {
        XCTAssertThrowsError(try PDFFile(bytes: Array("%PDF-1.4\n%%EOF".utf8))) { error in
            guard case .malformed? = error as? PDFError else { return XCTFail("\(error)") }
        }
    }

    func testBrokenXRefOffsetsCorpusFileIsRepaired() throws {
        let file = try PDFFile(bytes: TestCorpus.bytes("pdf-robustness", "broken-xref-offsets.pdf"))
        let pages = try file.pages()
        XCTAssertEqual(pages.count, 1)
        var parser = ContentStreamParser(try pages[0].contentData(in: file))
        var textShown = 0
        while let op = try parser.next() {
            if op.op == "Tj" || op.op == "TJ" { textShown += 1 }
        }
        XCTAssertGreaterThan(textShown, 0)
    }
}
