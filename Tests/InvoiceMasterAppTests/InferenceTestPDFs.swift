import Foundation

/// PDFs written by the tests themselves, so the inference tests need no corpus: a one-page
/// text invoice (made unique by a nonce line), a page with drawing but no text (a "scan"), and
/// files that break the parser in specific ways.
enum InferenceTestPDFs {
    /// A one-page English invoice in Helvetica.
    static func invoice(nonce: String = UUID().uuidString) -> [UInt8] {
        let lines: [(x: Int, y: Int, size: Int, text: String)] = [
            (50, 790, 16, "Northwind Office Supplies Ltd"),
            (50, 772, 10, "12 Harbour Street, Bristol BS1 4DJ, United Kingdom"),
            (50, 758, 10, "VAT No: GB123456789"),
            (400, 790, 20, "INVOICE"),
            (350, 740, 10, "Invoice Number: INV-2024-0042"),
            (350, 726, 10, "Invoice Date: 15/03/2024"),
            (350, 712, 10, "Due Date: 14/04/2024"),
            (50, 700, 10, "Bill To:"),
            (50, 686, 10, "Globex Corporation"),
            (50, 672, 10, "1 Main Road, Leeds LS1 1AA"),
            (50, 620, 10, "Description"), (350, 620, 10, "Qty"), (420, 620, 10, "Unit price"), (500, 620, 10, "Amount"),
            (50, 604, 10, "Printer paper A4, 500 sheets"), (350, 604, 10, "10"), (420, 604, 10, "10.00"), (500, 604, 10, "100.00"),
            (420, 560, 10, "Subtotal"), (500, 560, 10, "GBP 100.00"),
            (420, 546, 10, "VAT 20%"), (500, 546, 10, "GBP 20.00"),
            (420, 532, 10, "Total"), (500, 532, 10, "GBP 120.00"),
            (50, 480, 10, "IBAN: GB29 NWBK 6016 1331 9268 19"),
            (50, 466, 10, "BIC: NWBKGB2L"),
            (50, 420, 8, "Note " + nonce),
        ]
        var content = "BT\n"
        for line in lines {
            content += "/F1 \(line.size) Tf 1 0 0 1 \(line.x) \(line.y) Tm (\(escaped(line.text))) Tj\n"
        }
        content += "ET\n"
        return document(content: content, resources: "<< /Font << /F1 5 0 R >> >>",
                        extraObjects: ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"])
    }

    /// A page that only draws shapes: what a scanned invoice looks like to a text reader.
    static func withoutTextLayer() -> [UInt8] {
        document(content: "0.5 g 50 50 200 100 re f 0 G 1 w 50 400 m 500 400 l S\n", resources: "<< >>")
    }

    /// A well-formed file whose page dictionary nests arrays deeper than the parser allows.
    static func nestedTooDeep(levels: Int = 200) -> [UInt8] {
        let nested = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        return document(content: "", resources: "<< >>", pageExtra: "/Deep \(nested)")
    }

    /// A PDF header followed by nothing a reader can recover.
    static let brokenBeyondRepair = Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj << /Type /Catalog /Pages 9 0 R".utf8)
        + [UInt8](repeating: 0x00, count: 64)

    /// Catalog, page tree, one page (object 3), its content (object 4), then `extraObjects` from 5.
    private static func document(content: String, resources: String, pageExtra: String = "",
                                 extraObjects: [String] = []) -> [UInt8] {
        let contentBytes = Array(content.utf8)
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources \(resources) /Contents 4 0 R \(pageExtra) >>",
            "<< /Length \(contentBytes.count) >>\nstream\n\(content)\nendstream",
        ]
        objects += extraObjects
        var output = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.count)
            output += Array("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8)
        }
        let xrefOffset = output.count
        var xref = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { xref += String(format: "%010d 00000 n \n", offset) }
        xref += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        return output + Array(xref.utf8)
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
            .replacingOccurrences(of: ")", with: "\\)")
    }
}
