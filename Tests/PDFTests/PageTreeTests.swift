import XCTest
@testable import PDF

final class PageTreeTests: XCTestCase {
    func testInheritedAttributesAndOrder() throws {
        let builder = TestPDFBuilder([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 3 /MediaBox [0 0 612 792] /Rotate 90 /Resources << /Font << /F1 9 0 R >> >> >>",
            "<< /Type /Pages /Parent 2 0 R /Kids [5 0 R 6 0 R] /Count 2 /MediaBox [595 842 0 0] >>",
            "<< /Type /Page /Parent 2 0 R /Rotate -90 /Resources << /Font << /F2 9 0 R >> >> >>",
            "<< /Type /Page /Parent 3 0 R /CropBox [-10 10 300 900] >>",
            "<< /Type /Page /Parent 3 0 R /Rotate 450 /MediaBox [0 0 100 0] >>",
        ])
        let pages = try PDFFile(bytes: builder.bytes).pages()
        XCTAssertEqual(pages.map(\.number), [1, 2, 3])
        XCTAssertEqual(pages.map(\.objectID?.number), [5, 6, 4], "depth-first, in /Kids order")

        // Page 1 (object 5): MediaBox from its parent, normalised; CropBox clipped to it; Rotate from the root.
        XCTAssertEqual(pages[0].mediaBox, PDFRect(x0: 0, y0: 0, x1: 595, y1: 842))
        XCTAssertEqual(pages[0].cropBox, PDFRect(x0: 0, y0: 10, x1: 300, y1: 842))
        XCTAssertEqual(pages[0].rotate, 90)
        XCTAssertNotNil(pages[0].resources["Font"]?.dictionaryValue?["F1"])

        // Page 2 (object 6): an empty MediaBox falls back to Letter; 450° is 90°.
        XCTAssertEqual(pages[1].mediaBox, PDFRect(x0: 0, y0: 0, x1: 612, y1: 792))
        XCTAssertEqual(pages[1].cropBox, pages[1].mediaBox)
        XCTAssertEqual(pages[1].rotate, 90)

        // Page 3 (object 4): its own Resources replace the inherited ones; -90° is 270°.
        XCTAssertEqual(pages[2].rotate, 270)
        XCTAssertNotNil(pages[2].resources["Font"]?.dictionaryValue?["F2"])
        XCTAssertNil(pages[2].resources["Font"]?.dictionaryValue?["F1"])
    }

    func testIndirectAttributeValues() throws {
        let builder = TestPDFBuilder([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids 5 0 R /Count 1 /MediaBox 4 0 R >>",
            "<< /Type /Page /Parent 2 0 R /Resources 6 0 R /Rotate 7 0 R >>",
            "[0 0 7 0 R 400]",
            "[3 0 R]",
            "<< /ProcSet [/PDF] >>",
            "180",
        ])
        let page = try XCTUnwrap(PDFFile(bytes: builder.bytes).pages().first)
        XCTAssertEqual(page.mediaBox, PDFRect(x0: 0, y0: 0, x1: 180, y1: 400))
        XCTAssertEqual(page.rotate, 180)
        XCTAssertNotNil(page.resources["ProcSet"])
    }

    func testContentsArrayIsJoinedWithSeparators() throws {
        let builder = TestPDFBuilder([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /Contents [4 0 R 5 0 R 9 0 R] >>",
            "<< /Length 4 >>\nstream\nq 1 \nendstream",
            "<< /Length 3 >>\nstream\n0 Q\nendstream",
        ])
        let file = try PDFFile(bytes: builder.bytes)
        let page = try XCTUnwrap(file.pages().first)
        XCTAssertEqual(try page.contentStreams(in: file).count, 2, "a missing stream is skipped")
        var parser = ContentStreamParser(try page.contentData(in: file))
        XCTAssertEqual(try parser.next()?.op, "q")
        XCTAssertEqual(try parser.next()?.operands.map(\.intValue), [1, 0], "tokens of two streams do not run together")
    }

    func testKidsReferenceLoopFallsBackToPageObjects() throws {
        let builder = TestPDFBuilder([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids 4 0 R /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R >>",
            "5 0 R",
            "4 0 R",
        ])
        let file = try PDFFile(bytes: builder.bytes)
        XCTAssertEqual(try file.pages().map(\.objectID?.number), [3])
        XCTAssertTrue(file.pageTreeWasRecovered)
    }

    func testBrokenPageTreeFallsBackToPageObjects() throws {
        let builder = TestPDFBuilder([
            "<< /Type /Catalog /Pages 9 0 R >>",
            "<< /Type /Pages /Kids [] /MediaBox [0 0 200 300] >>",
            "<< /Type /Page /Parent 2 0 R >>",
            "<< /Type /Page /Parent 2 0 R /Rotate 180 >>",
        ])
        let file = try PDFFile(bytes: builder.bytes)
        let pages = try file.pages()
        XCTAssertTrue(file.pageTreeWasRecovered)
        XCTAssertEqual(pages.map(\.objectID?.number), [3, 4])
        XCTAssertEqual(pages[0].mediaBox, PDFRect(x0: 0, y0: 0, x1: 200, y1: 300), "inherited through /Parent")
        XCTAssertEqual(pages[1].rotate, 180)
    }
}
