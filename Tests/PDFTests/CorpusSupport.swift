import Foundation
import XCTest
@testable import PDF

/// The shared corpus: `<package root>/../shared/corpus`, as the repository is cloned beside
/// `shared`; `INVOICE_MASTER_CORPUS` overrides it (e.g. for a worktree elsewhere).
enum Corpus {
    static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["INVOICE_MASTER_CORPUS"] {
            return URL(fileURLWithPath: override)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }()

    static let passwordProtected = "libreoffice-writer-password.pdf"

    /// Every PDF of `pdf-robustness` and `invoices`, sorted by name within each folder.
    static func pdfs() throws -> [URL] {
        var files: [URL] = []
        for folder in ["pdf-robustness", "invoices"] {
            let directory = root.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            files += names.filter { $0.hasSuffix(".pdf") }.sorted().map { directory.appendingPathComponent($0) }
        }
        return files
    }

    /// `text_head` of each file in `pdf-robustness/manifest.json`, by file name.
    static func textHeads() throws -> [String: String] {
        let data = try Data(contentsOf: root.appendingPathComponent("pdf-robustness/manifest.json"))
        let manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        var heads: [String: String] = [:]
        for case let entry as [String: Any] in manifest?["files"] as? [Any] ?? [] {
            if let file = entry["file"] as? String, let head = entry["text_head"] as? String { heads[file] = head }
        }
        return heads
    }

    static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }
}

/// Word lists as pdftotext and we produce them, normalised alike: bidi controls dropped,
/// ligatures expanded, split on white space.
enum WordComparison {
    static func words(_ text: String) -> [String] {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter {
            !(0x202A...0x202E).contains($0.value) && !(0x2066...0x2069).contains($0.value)
        }))
        return Ligatures.expand(cleaned).split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// Share of poppler's word occurrences that we also produce (multiset intersection / poppler's total).
    static func agreement(ours: [String], poppler: [String]) -> Double {
        guard !poppler.isEmpty else { return ours.isEmpty ? 1 : 0 }
        let lacking = unmatched(ours: ours, poppler: poppler).values.reduce(0, +)
        return Double(poppler.count - lacking) / Double(poppler.count)
    }

    /// Like `agreement`, but a poppler word also counts as matched when it is two of our words
    /// run together, ours adjacent and both left unmatched. Poppler re-derives spaces from the
    /// gaps of each line and drops drawn spaces on lines of uniform spacing ("6 %" → "6%");
    /// we keep drawn spaces. This forgives exactly that difference and nothing else.
    static func joinTolerantAgreement(ours: [String], poppler: [String]) -> Double {
        guard !poppler.isEmpty else { return ours.isEmpty ? 1 : 0 }
        var extra = unmatched(ours: poppler, poppler: ours)   // our words poppler lacks
        var lacking = unmatched(ours: ours, poppler: poppler)
        var matched = poppler.count - lacking.values.reduce(0, +)
        var index = 0
        while index + 1 < ours.count {
            let (a, b) = (ours[index], ours[index + 1])
            if (extra[a] ?? 0) > 0, (extra[b] ?? 0) > 0, a != b || (extra[a] ?? 0) > 1, (lacking[a + b] ?? 0) > 0 {
                extra[a]! -= 1
                extra[b]! -= 1
                lacking[a + b]! -= 1
                matched += 1
                index += 2
            } else {
                index += 1
            }
        }
        return Double(matched) / Double(poppler.count)
    }

    /// Poppler's words we lack, with their counts.
    private static func unmatched(ours: [String], poppler: [String]) -> [String: Int] {
        var remaining: [String: Int] = [:]
        for word in ours { remaining[word, default: 0] += 1 }
        var lacking: [String: Int] = [:]
        for word in poppler {
            if (remaining[word] ?? 0) > 0 { remaining[word]! -= 1 } else { lacking[word, default: 0] += 1 }
        }
        return lacking
    }

    /// Whether poppler wrapped right-to-left runs in bidi controls: it then emits them in visual
    /// order (reversed), so only the characters, not the words, can be compared.
    static func hasBidiReordering(_ popplerText: String) -> Bool {
        popplerText.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) }
    }

    /// Non-space characters (scalars, so that reordered combining marks still compare) as a
    /// multiset: poppler's characters we also produce.
    static func characterAgreement(ours: [String], poppler: [String]) -> Double {
        agreement(ours: ours.joined().unicodeScalars.map(String.init), poppler: poppler.joined().unicodeScalars.map(String.init))
    }

    /// `pdftotext -enc UTF-8 FILE -` (poppler-utils); fails the test when it is not installed.
    static func popplerText(_ url: URL) throws -> String {
        let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"]
        guard let tool = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw MissingTool(message: "pdftotext is missing: install poppler-utils (apt-get install poppler-utils; scripts/test does)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-q", "-enc", "UTF-8", url.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

struct MissingTool: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
