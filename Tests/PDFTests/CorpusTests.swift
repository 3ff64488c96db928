import XCTest
@testable import PDF

/// The shared corpus read end to end, checked against the manifest and against poppler.
final class CorpusTests: XCTestCase {
    /// Files whose manifest `text_head` is empty carry no text layer (scanned images).
    private func isTextBearing(_ file: String, heads: [String: String]) -> Bool {
        heads[file].map { !$0.isEmpty } ?? true
    }

    func testEveryCorpusFileYieldsText() throws {
        let heads = try Corpus.textHeads()
        for url in try Corpus.pdfs() {
            let name = url.lastPathComponent
            if name == Corpus.passwordProtected {
                XCTAssertThrowsError(try PDFDocument(bytes: Corpus.bytes(url))) { error in
                    XCTAssertEqual(error as? PDFError, .passwordRequired, name)
                }
                continue
            }
            do {
                let document = try PDFDocument(bytes: Corpus.bytes(url))
                let pages = try document.textPages()
                XCTAssertEqual(pages.count, document.pageCount, name)
                let words = pages.flatMap(\.words)
                if isTextBearing(name, heads: heads) {
                    XCTAssertFalse(words.isEmpty, "\(name) yields no words")
                }
                for page in pages {
                    for word in page.words {
                        XCTAssertTrue(word.box.x0 <= word.box.x1 && word.box.y0 <= word.box.y1, "\(name): \(word)")
                    }
                }
            } catch {
                XCTFail("\(name): \(error)")
            }
        }
    }

    /// The manifest's `text_head` comes from `pdftotext -layout`, which joins columns side by side
    /// where we keep them apart; so the check is that the head's words all appear, in our
    /// reading order, among our first words (three times as many as the head has).
    func testLeadingTextMatchesManifest() throws {
        for (name, head) in try Corpus.textHeads() where !head.isEmpty && name != Corpus.passwordProtected {
            let url = Corpus.root.appendingPathComponent("pdf-robustness").appendingPathComponent(name)
            let document = try PDFDocument(bytes: Corpus.bytes(url))
            var ours: [String] = []
            var headWords = WordComparison.words(head)
            // The head is cut at 200 characters: its last word may be a fragment.
            if head.count >= 200 { headWords.removeLast() }
            for number in 1...document.pageCount where ours.count < headWords.count * 3 {
                ours += WordComparison.words(try document.textPage(number).text)
            }
            let leading = Array(ours.prefix(headWords.count * 3))
            let agreement = WordComparison.hasBidiReordering(head)
                ? WordComparison.characterAgreement(ours: leading, poppler: headWords)
                : WordComparison.agreement(ours: leading, poppler: headWords)
            XCTAssertEqual(agreement, 1, "\(name): head \(headWords) vs ours \(leading)")
        }
    }

    func testWordsAgreeWithPdftotext() throws {
        let heads = try Corpus.textHeads()
        var table = ["file | poppler words | our words | multiset agreement | counted (joins forgiven / characters for bidi)"]
        var failures: [String] = []
        func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }
        for url in try Corpus.pdfs() {
            let name = url.lastPathComponent
            guard name != Corpus.passwordProtected, isTextBearing(name, heads: heads) else { continue }
            let popplerText = try WordComparison.popplerText(url)
            let poppler = WordComparison.words(popplerText)
            let document = try PDFDocument(bytes: Corpus.bytes(url))
            let ours = try document.textPages().flatMap { WordComparison.words($0.text) }
            let strict = WordComparison.agreement(ours: ours, poppler: poppler)
            let counted = WordComparison.hasBidiReordering(popplerText)
                ? WordComparison.characterAgreement(ours: ours, poppler: poppler)
                : WordComparison.joinTolerantAgreement(ours: ours, poppler: poppler)
            table.append("\(name) | \(poppler.count) | \(ours.count) | \(percent(strict)) | \(percent(counted))")
            if counted < 0.98 { failures.append("\(name): \(percent(counted))") }
        }
        print(table.joined(separator: "\n"))
        XCTAssertTrue(failures.isEmpty, "below 98% agreement with pdftotext: \(failures)")
    }
}
