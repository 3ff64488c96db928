/// A label found at the start of a cell.
struct LabelMatch: Sendable {
    /// Every kind the phrase can announce (`VAT` is both a tax label and a tax-id label);
    /// the value's type decides which one applies.
    var kinds: [LabelKind]
    /// 1 for a specific phrase, lower for a generic one.
    var strength: Double
    /// The cell text after the label and its punctuation (`: 2024-001` → `2024-001`); empty
    /// when the label stands alone.
    var remainder: String
    /// The lexicon phrase matched, as written there.
    var phrase: String
    /// A colon follows the label (`Date:`), the printer's own mark of a label.
    var endsWithColon: Bool
}

/// Finds lexicon labels at the start of cells. Phrases and cell text are compared as folded
/// word sequences; the longest phrase wins (`Total excl. VAT` over `Total`).
struct LabelMatcher: Sendable {
    private struct Entry { var kinds: [LabelKind]; var strength: Double; var phrase: String }
    private var entries: [[String]: Entry] = [:]
    private var longestPhrase = 0

    static let genericStrength = 0.55
    /// `Date:` is more surely a label than `Date`: the colon is the printer saying so.
    static let genericWithColonStrength = 0.7

    static let shared = LabelMatcher(lexicon: LabelLexicon.all)

    init(lexicon: [LabelKind: LabelPhrases]) {
        // Sorted for a deterministic table whatever the dictionary order.
        for kind in LabelKind.allCases {
            guard let phrases = lexicon[kind] else { continue }
            for (list, strength) in [(phrases.specific, 1.0), (phrases.generic, Self.genericStrength)] {
                for phrase in list {
                    let key = LabelSynonyms.canonicalize(TextFolding.words(phrase))
                    guard !key.isEmpty else { continue }
                    longestPhrase = max(longestPhrase, key.count)
                    if var existing = entries[key] {
                        if !existing.kinds.contains(kind) { existing.kinds.append(kind) }
                        existing.strength = max(existing.strength, strength)
                        entries[key] = existing
                    } else {
                        entries[key] = Entry(kinds: [kind], strength: strength, phrase: phrase)
                    }
                }
            }
        }
    }

    /// The longest label the text starts with, if any. A leading rate (`19 % MwSt.`,
    /// `+ 20% VAT`) is skipped: the label follows it.
    func match(_ text: String) -> LabelMatch? {
        let text = Self.droppingLeadingRate(text)
        let tokens = Self.tokens(of: text, limit: longestPhrase)
        guard !tokens.isEmpty else { return nil }
        for length in stride(from: min(tokens.count, longestPhrase), through: 1, by: -1) {
            let key = tokens[..<length].map(\.folded)
            guard let entry = entries[Array(key)] else { continue }
            let end = tokens[length - 1].range.upperBound
            // `PO-20829` is a value, not the label `PO`: a label ends at a space or punctuation,
            // not at a hyphen or slash glued to more characters.
            if end < text.endIndex {
                let next = text[end]
                let afterNext = text.index(after: end)
                if (next == "-" || next == "/" || next == "_") && afterNext < text.endIndex && text[afterNext].isLetterOrDigit {
                    continue
                }
            }
            let colon = text[end...].drop(while: { $0 == " " || $0 == "." }).first == ":"
            return LabelMatch(kinds: entry.kinds, strength: colon ? max(entry.strength, Self.genericWithColonStrength) : entry.strength,
                              remainder: Self.trimLabelPunctuation(text[end...]), phrase: entry.phrase, endsWithColon: colon)
        }
        return nil
    }

    private static func droppingLeadingRate(_ text: String) -> String {
        var rest = text.drop(while: { $0 == "+" || $0 == " " })
        guard rest.first?.isASCIIDigit == true else { return text }
        rest = rest.drop(while: { $0.isASCIIDigit || $0 == "." || $0 == "," })
        rest = rest.drop(while: { $0 == " " || $0 == "\u{00A0}" })
        guard rest.first == "%" else { return text }
        return String(rest.dropFirst()).trimmingCharacters(in: .whitespaces)
    }

    private struct Token { var folded: String; var range: Range<String.Index> }

    /// Word tokens with their ranges in the original text (folding changes lengths, so the
    /// remainder is cut from the original).
    private static func tokens(of text: String, limit: Int) -> [Token] {
        var tokens: [Token] = []
        var start: String.Index?
        var index = text.startIndex
        func flush(_ end: String.Index) {
            if let s = start {
                let folded = LabelSynonyms.canonicalize(TextFolding.words(String(text[s..<end])))
                // One original run can give several words (`Rechnungsnummer` → `invoice no`).
                for word in folded { tokens.append(Token(folded: word, range: s..<end)) }
                start = nil
            }
        }
        while index < text.endIndex, tokens.count <= limit {
            let c = text[index]
            if c == "#" {
                flush(index)
                tokens.append(Token(folded: LabelSynonyms.canonical["#"] ?? "#", range: index..<text.index(after: index)))
            } else if c.isLetter || c.isNumber || c == "°" || c == "º" || c == "№" {
                if start == nil { start = index }
            } else {
                flush(index)
            }
            index = text.index(after: index)
        }
        flush(index)
        return tokens
    }

    private static func trimLabelPunctuation(_ rest: Substring) -> String {
        var s = rest[...]
        while let c = s.first {
            if c == ":" || c == "." || c == ")" || c == "]" || c == "#" || c.isWhitespace || c == "=" {
                s = s.dropFirst()
            } else if (c == "-" || c == "–" || c == "—") && (s.count == 1 || s.dropFirst().first?.isWhitespace == true) {
                s = s.dropFirst()
            } else {
                break
            }
        }
        return String(s).trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
