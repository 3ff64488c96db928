import XCTest
@testable import PDF

/// Hostile inputs: each limit fails with its own typed error, and nothing hangs.
final class LimitTests: XCTestCase {
    func testReferenceLoopIsAnErrorNotAHang() throws {
        let file = try PDFFile(bytes: TestPDFBuilder.onePage(content: "", extraObjects: ["6 0 R", "5 0 R"]).bytes)
        XCTAssertThrowsError(try file.resolve(.reference(PDFObjectID(number: 5, generation: 0)))) { error in
            guard case .malformed? = error as? PDFError else { return XCTFail("\(error)") }
        }
    }

    func testReferenceToNothingIsNull() throws {
        let file = try PDFFile(bytes: TestPDFBuilder.onePage(content: "").bytes)
        XCTAssertTrue(try file.resolve(.reference(PDFObjectID(number: 999, generation: 0))).isNull)
    }

    func testStreamWhoseLengthIsItselfFallsBackToEndstream() throws {
        let builder = TestPDFBuilder([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
            "<< /Length 4 0 R >>\nstream\n(loop) Tj\nendstream",
        ])
        let file = try PDFFile(bytes: builder.bytes)
        XCTAssertEqual(try file.pages()[0].contentData(in: file), Array("(loop) Tj".utf8))
    }

    func testPageTreeLoopEnds() throws {
        let builder = TestPDFBuilder([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 2 0 R 4 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R >>",
            "<< /Type /Pages /Kids [2 0 R 4 0 R 5 0 R] >>",
            "<< /Type /Page /Parent 4 0 R >>",
        ])
        let file = try PDFFile(bytes: builder.bytes)
        XCTAssertEqual(try file.pages().map(\.objectID?.number), [3, 5])
    }

    func testDeepNestingInAnObject() throws {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        let file = try PDFFile(bytes: TestPDFBuilder.onePage(content: "", extraObjects: [deep]).bytes)
        XCTAssertThrowsError(try file.object(PDFObjectID(number: 5, generation: 0))) {
            XCTAssertEqual($0 as? PDFError, .nestingTooDeep(limit: 64))
        }
    }

    func testDeepNestingInAContentStream() {
        var parser = ContentStreamParser(Array((String(repeating: "<<", count: 1000) + " Tj").utf8))
        XCTAssertThrowsError(try parser.next()) { XCTAssertEqual($0 as? PDFError, .nestingTooDeep(limit: 64)) }
    }

    func testDeepPageTreeHitsTheNestingLimit() throws {
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
        for n in 2...100 { objects.append("<< /Type /Pages /Kids [\(n + 1) 0 R] >>") }
        objects.append("<< /Type /Page >>")
        let file = try PDFFile(bytes: TestPDFBuilder(objects).bytes)
        XCTAssertThrowsError(try file.pages()) { XCTAssertEqual($0 as? PDFError, .nestingTooDeep(limit: 64)) }
    }

    func testDecompressionBombStopsAtTheStreamLimit() throws {
        let bomb = zlibCompressed([UInt8](repeating: 0x20, count: 8 << 20)) // 8 MB of spaces in ~8 KB
        let bytes = pdfWithBinaryStream(dictionary: "/Filter /FlateDecode", data: bomb)
        var limits = PDFLimits()
        limits.maxStreamBytes = 1 << 20
        let file = try PDFFile(bytes: bytes, limits: limits)
        XCTAssertThrowsError(try file.pages()[0].contentStreams(in: file)) {
            XCTAssertEqual($0 as? PDFError, .decompressedSizeExceeded(limit: 1 << 20))
        }
    }

    func testDocumentDecompressionLimitCountsAcrossStreams() throws {
        let chunk = zlibCompressed([UInt8](repeating: 0x20, count: 600_000))
        let bytes = pdfWithBinaryStream(dictionary: "/Filter /FlateDecode", data: chunk)
        var limits = PDFLimits()
        limits.maxDecompressedBytes = 1_000_000
        let file = try PDFFile(bytes: bytes, limits: limits)
        let stream = try XCTUnwrap(file.resolve(file.pages()[0].dictionary["Contents"]!).streamValue)
        XCTAssertEqual(try file.decodedData(of: stream).count, 600_000)
        XCTAssertThrowsError(try file.decodedData(of: stream)) {
            XCTAssertEqual($0 as? PDFError, .decompressedSizeExceeded(limit: 1_000_000))
        }
    }

    func testHugeDeclaredObjectCount() throws {
        var bytes = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n".utf8)
        let xref = bytes.count
        bytes += Array("xref\n0 5000000\n0000000000 65535 f \n".utf8)
        bytes += Array("trailer << /Size 5000000 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        XCTAssertThrowsError(try PDFFile(bytes: bytes)) {
            XCTAssertEqual($0 as? PDFError, .tooManyObjects(limit: 1_000_000))
        }
    }

    func testXRefSubsectionCountNearIntMaxDoesNotOverflow() throws {
        var bytes = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n".utf8)
        let xref = bytes.count
        bytes += Array("xref\n0 1\n0000000000 65535 f \n1 9223372036854775807\n".utf8)
        bytes += Array("trailer << /Size 2 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        XCTAssertThrowsError(try PDFFile(bytes: bytes)) {
            XCTAssertEqual($0 as? PDFError, .tooManyObjects(limit: 1_000_000))
        }
    }

    func testHugeXRefStreamIndex() throws {
        var w = RawPDFWriter()
        w.object(1, "<< /Type /Catalog /Pages 2 0 R >>")
        let at = w.bytes.count
        w.streamObject(2, dictionary: "/Type /XRef /Size 3 /W [1 2 1] /Index [0 3 10 99999999] /Root 1 0 R", data: [])
        w.text("startxref\n\(at)\n%%EOF\n")
        XCTAssertThrowsError(try PDFFile(bytes: w.bytes)) {
            XCTAssertEqual($0 as? PDFError, .tooManyObjects(limit: 1_000_000))
        }
    }

    func testRepairScanCountsObjects() throws {
        var text = "%PDF-1.4\n"
        for n in 1...200 { text += "\(n) 0 obj << /Type /Catalog >> endobj\n" }
        var limits = PDFLimits()
        limits.maxObjectCount = 100
        XCTAssertThrowsError(try PDFFile(bytes: Array(text.utf8), limits: limits)) {
            XCTAssertEqual($0 as? PDFError, .tooManyObjects(limit: 100))
        }
    }

    func testContentOperatorLimitIsDocumentWide() throws {
        var limits = PDFLimits()
        limits.maxContentOperators = 10
        let file = try PDFFile(bytes: TestPDFBuilder.onePage(content: "q Q q Q q Q").bytes, limits: limits)
        let content = try file.pages()[0].contentData(in: file)
        var first = ContentStreamParser(content, countingTowards: file)
        while try first.next() != nil {}
        var second = ContentStreamParser(content, countingTowards: file)
        XCTAssertThrowsError(try { while try second.next() != nil {} }()) {
            XCTAssertEqual($0 as? PDFError, .tooManyContentOperators(limit: 10))
        }
    }

    func testTimeBudget() throws {
        var limits = PDFLimits()
        limits.timeBudgetSeconds = 0
        let file = try PDFFile(bytes: TestPDFBuilder.onePage(content: "q Q").bytes, limits: limits)
        XCTAssertThrowsError(try file.checkTimeBudget()) { XCTAssertEqual($0 as? PDFError, .timeBudgetExceeded(seconds: 0)) }
        XCTAssertThrowsError(try file.pages()[0].contentStreams(in: file)) {
            XCTAssertEqual($0 as? PDFError, .timeBudgetExceeded(seconds: 0))
        }
    }
}
