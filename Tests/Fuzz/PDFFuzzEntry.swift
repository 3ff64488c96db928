// libFuzzer entry for the PDF reader: open a document, walk its pages and resources, decode
// every stream reachable from them, parse every content stream, then extract the text layer.
// Built by scripts/fuzz-pdf together with the sources of Sources/PDF into one module (so it
// may use internal API).
// Any crash, hang past libFuzzer's -timeout, or sanitizer report is a finding; thrown
// `PDFError`s are the expected outcome for hostile input.

/// Tight limits so one input cannot stall the fuzzer; the logic under test is the same.
private let fuzzLimits: PDFLimits = {
    var l = PDFLimits()
    l.maxDecompressedBytes = 32 << 20
    l.maxStreamBytes = 8 << 20
    l.maxContentOperators = 200_000
    l.timeBudgetSeconds = 3
    return l
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func pdfFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let file = try PDFFile(bytes: bytes, limits: fuzzLimits)
        _ = file.version
        _ = file.isEncrypted
        for page in try file.pages() {
            var parser = ContentStreamParser(try page.contentData(in: file), countingTowards: file)
            while let operation = try parser.next() { _ = operation.operands.count }
            try visitResources(.dictionary(page.resources), in: file, depth: 0)
        }
        // The whole text layer, as the API and the CLI extract it: fonts, CMaps, layout.
        for page in try PDFDocument(bytes: bytes, limits: fuzzLimits).textPages() {
            _ = page.text
        }
    } catch is PDFError {
        // Expected for damaged and hostile input.
    } catch {
        fatalError("non-PDFError thrown: \(error)")
    }
    return 0
}

/// Resolves everything reachable from a page's resources (fonts, XObjects, CMaps…) and decodes
/// every stream met, as text extraction does. Bounded by depth and the file's time budget.
private func visitResources(_ object: PDFObject, in file: PDFFile, depth: Int) throws {
    guard depth < 12 else { return }
    try file.checkTimeBudget()
    switch try file.resolve(object) {
    case .dictionary(let d):
        for (key, value) in d.entries where key != "Parent" { try visitResources(value, in: file, depth: depth + 1) }
    case .array(let items):
        for item in items.prefix(64) { try visitResources(item, in: file, depth: depth + 1) }
    case .stream(let s):
        do {
            let decoded = try file.decodedData(of: s)
            if s.dictionary["Subtype"]?.nameValue == "Form" {
                var parser = ContentStreamParser(decoded, countingTowards: file)
                while try parser.next() != nil {}
            }
        } catch PDFError.malformed {
            // One broken stream does not end the document.
        }
        for (key, value) in s.dictionary.entries where key != "Parent" && key != "Length" {
            try visitResources(value, in: file, depth: depth + 1)
        }
    default:
        break
    }
}
