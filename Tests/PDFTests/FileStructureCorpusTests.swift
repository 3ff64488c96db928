import Foundation
import XCTest
@testable import PDF

/// Every corpus PDF opens and yields its pages; the password-protected one is refused with the typed error.
final class FileStructureCorpusTests: XCTestCase {
    func testEveryCorpusPDFOpensAndYieldsPages() throws {
        var opened = 0
        for sub in ["pdf-robustness", "invoices"] {
            let files = try TestCorpus.pdfs(in: sub)
            XCTAssertFalse(files.isEmpty, "no PDFs found in \(sub)")
            for url in files where url.lastPathComponent != "libreoffice-writer-password.pdf" {
                let bytes = [UInt8](try Data(contentsOf: url))
                do {
                    let file = try PDFFile(bytes: bytes)
                    let pages = try file.pages()
                    XCTAssertFalse(pages.isEmpty, "\(url.lastPathComponent): no pages")
                    for page in pages {
                        var parser = ContentStreamParser(try page.contentData(in: file))
                        var count = 0
                        while try parser.next() != nil { count += 1 }
                        XCTAssertGreaterThan(count, 0, "\(url.lastPathComponent) page \(page.number): no operators")
                    }
                    opened += 1
                } catch {
                    XCTFail("\(url.lastPathComponent): \(error)")
                }
            }
        }
        XCTAssertGreaterThan(opened, 80)
    }

    func testPageCountsMatchTheManifest() throws {
        let manifestURL = TestCorpus.directory.appendingPathComponent("pdf-robustness/manifest.json")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any]
        let entries = try XCTUnwrap(manifest?["files"] as? [[String: Any]])
        XCTAssertGreaterThan(entries.count, 20)
        for entry in entries {
            guard let name = entry["file"] as? String, let expected = entry["pages"] as? Int,
                  name != "libreoffice-writer-password.pdf" else { continue }
            let file = try PDFFile(bytes: TestCorpus.bytes("pdf-robustness", name))
            let pages = try file.pages()
            if file.pageTreeWasRecovered {
                // pdfinfo counts what the file claims; only pages whose objects exist can be found.
                XCTAssertLessThanOrEqual(pages.count, expected, name)
                XCTAssertGreaterThan(pages.count, 0, name)
            } else {
                XCTAssertEqual(pages.count, expected, name)
            }
        }
    }

    func testPasswordProtectedFileIsRefusedWithTypedError() throws {
        let bytes = try TestCorpus.bytes("pdf-robustness", "libreoffice-writer-password.pdf")
        XCTAssertThrowsError(try PDFFile(bytes: bytes)) { error in
            XCTAssertEqual(error as? PDFError, .passwordRequired)
        }
    }
}
