import Extraction
import PDF

/// An uploaded PDF read and searched for invoice fields — no database, no HTTP.
struct InvoiceReading {
    let pageCount: Int
    /// Every field the extractor found, in canonical order (`InvoiceField.allCases`).
    let fields: [ExtractedField]

    /// Throws `InferenceRejection`: 415 when the bytes are not a PDF; 422 when the PDF is
    /// encrypted with a password, broken beyond repair or past a parser limit, or has no text
    /// layer at all (a scan).
    static func read(_ bytes: [UInt8], limits: PDFLimits) throws -> InvoiceReading {
        let pageCount: Int
        let pages: [TextPage]
        do {
            let document = try PDFDocument(bytes: bytes, limits: limits)
            pageCount = document.pageCount
            pages = try document.textPages()
        } catch PDFError.notAPDF {
            throw InferenceRejection.unsupportedMediaType("Not a PDF: the upload has no %PDF- header")
        } catch let error as PDFError {
            throw InferenceRejection.unprocessable("Unreadable PDF: \(error)")
        }
        guard pages.contains(where: hasText) else { throw InferenceRejection.noTextLayer }
        let fields = InvoiceExtractor().extract(pages: pages).sorted { canonicalRank($0.name) < canonicalRank($1.name) }
        return InvoiceReading(pageCount: pageCount, fields: fields)
    }

    /// A page with at least one letter or digit; glyphs without Unicode meaning (U+FFFD) or a
    /// page of invisible spaces do not make a text layer.
    private static func hasText(_ page: TextPage) -> Bool {
        page.lines.contains { line in
            line.words.contains { word in
                word.text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            }
        }
    }

    private static let ranks: [String: Int] = Dictionary(
        uniqueKeysWithValues: InvoiceField.allCases.enumerated().map { ($0.element.rawValue, $0.offset) })

    private static func canonicalRank(_ name: String) -> Int { ranks[name] ?? ranks.count }
}
