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
    private struct Entry {
        var kinds: [LabelKind]; var strength: Double; var phrase: String

        mutating func add(_ kind: LabelKind, strength: Double) {
            if !kinds.contains(kind) { kinds.append(kind) }
            self.strength = max(self.strength, strength)
        }
    }
    private var entries: [[String]: Entry] = [:]
    private var longestPhrase = 0
    /// First words of all phrases, for a cheap test before a full match.
    private var firstWords: Set<String> = []

    static let genericStrength = 0.55
    /// The canonical number word (`No.`, `Nr.`, `n°`, `#`, `Nummer` all become it).
    private static let numberWord = LabelSynonyms.canonicalize(["number"])[0]
    /// `Date:` is more surely a label than `Date`: the colon is the printer saying so.
    static let genericWithColonStrength = 0.7

    static let shared = LabelMatcher(lexicon: LabelLexicon.all)

    init(lexicon: [LabelKind: LabelPhrases]) {
        // Sized once for every phrase: growing the tables re-hashed every key many times over.
        let phraseCount = lexicon.values.reduce(0) { $0 + $1.specific.count + $1.generic.count }
        entries.reserveCapacity(phraseCount)
        firstWords.reserveCapacity(phraseCount)
        // Sorted for a deterministic table whatever the dictionary order.
        for kind in LabelKind.allCases {
            guard let phrases = lexicon[kind] else { continue }
            for (list, strength) in [(phrases.specific, 1.0), (phrases.generic, Self.genericStrength)] {
                for phrase in list {
                    let key = LabelSynonyms.canonicalize(TextFolding.words(phrase))
                    guard !key.isEmpty else { continue }
                    longestPhrase = max(longestPhrase, key.count)
                    firstWords.insert(key[0])
                    // One hash of the key: a new entry starts without kinds, then takes this one.
                    entries[key, default: Entry(kinds: [], strength: strength, phrase: phrase)].add(kind, strength: strength)
                }
            }
        }
    }

    /// Whether a label could start with this word (possibly preceded by a rate like `19%`).
    func mayStartLabel(_ word: String) -> Bool {
        guard let first = TextFolding.words(word).first else { return word.first == "+" }
        if first.first?.isNumber == true { return word.contains("%") || word.allSatisfy { $0.isNumber || $0 == "," || $0 == "." } }
        // Single letters join into dotted abbreviations; compounds split: fold as the matcher does.
        return firstWords.contains(LabelSynonyms.firstCanonical(of: CollectionOfOne(first))!) || first.count == 1 && word.count > 2
    }

    /// A tax rate line with a short qualifier before the tax word (`SC Sales Tax 6 %`,
    /// `Irish VAT 23 %`): the qualifier is a region or code the lexicon cannot list.
    func embeddedTaxLabel(_ text: String) -> LabelMatch? {
        // Only rate lines qualify: the rate is what makes an unknown word before a tax word safe.
        guard text.utf8.contains(UInt8(ascii: "%")) else { return nil }
        let words = text.split(separator: " ")
        guard (2...6).contains(words.count) else { return nil }
        for skip in 1...min(2, words.count - 1) {
            guard words[skip - 1].count <= 8, !words[skip - 1].contains(where: \.isNumber) else { return nil }
            if var match = self.match(words[skip...].joined(separator: " ")),
               match.kinds.contains(where: { $0 == .tax || $0 == .taxTotal }) {
                match.kinds = match.kinds.filter { $0 == .tax || $0 == .taxTotal }
                match.strength = min(match.strength, Self.genericWithColonStrength)
                return match
            }
        }
        return nil
    }

    /// The longest label the text starts with, if any. A leading rate (`19 % MwSt.`,
    /// `+ 20% VAT`) is skipped: the label follows it.
    func match(_ text: String) -> LabelMatch? {
        let text = Self.droppingLeadingRate(text)
        // Most cells are values: one set lookup on the first word rules them out.
        let tokens = Self.tokens(of: text, limit: longestPhrase, firstWordIn: firstWords)
        guard !tokens.isEmpty else { return nil }
        for length in stride(from: min(tokens.count, longestPhrase), through: 1, by: -1) {
            let key = tokens[..<length].map(\.folded)
            guard let entry = entries[Array(key)] else { continue }
            var end = tokens[length - 1].range.upperBound
            // `Bon de commande n° :`, `Order No.`: a number word after the label belongs to it,
            // unless the label already ends with one (`MVA-nr. NO 123 456 789 MVA`: the `NO`
            // is the VAT id's country).
            if length < tokens.count, tokens[length].folded == Self.numberWord, !entry.kinds.contains(.documentTitle),
               key.last != Self.numberWord {
                end = tokens[length].range.upperBound
            }
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
            let found = LabelMatch(kinds: entry.kinds, strength: colon ? max(entry.strength, Self.genericWithColonStrength) : entry.strength,
                                   remainder: Self.trimLabelPunctuation(text[end...]), phrase: entry.phrase, endsWithColon: colon)
            return bilingual(found)
        }
        return nil
    }

    /// Bilingual or combined labels (`Rechnungsnummer / Invoice number: 123`,
    /// `St.-Nr./USt-IdNr.: DE…`): the value follows the last label and may be what either
    /// names, so the kinds are joined and each kind's reader decides.
    private func bilingual(_ first: LabelMatch) -> LabelMatch {
        guard let slash = first.remainder.first, slash == "/" || slash == "|" else { return first }
        let rest = String(first.remainder.dropFirst()).trimmingWhitespace()
        guard var second = match(rest) else { return first }
        second.kinds = first.kinds + second.kinds.filter { !first.kinds.contains($0) }
        second.strength = max(first.strength, second.strength)
        return second
    }

    private static func droppingLeadingRate(_ text: String) -> String {
        guard startsWithRateBytes(text.utf8) else { return text }
        var rest = text.drop(while: { $0 == "+" || $0 == " " })
        guard rest.first?.isASCIIDigit == true else { return text }
        rest = rest.drop(while: { $0.isASCIIDigit || $0 == "." || $0 == "," })
        rest = rest.drop(while: { $0 == " " || $0 == "\u{00A0}" })
        guard rest.first == "%" else { return text }
        return String(rest.dropFirst()).trimmingWhitespace()
    }

    /// Whether the bytes read `+`/spaces, a digit, digits/`.`/`,`, spaces/NBSP, `%`: most cells
    /// are no rate, and this rules them out without Character iteration. Every single-scalar
    /// Character the Character check accepts is the same bytes, so it never rejects a rate.
    private static func startsWithRateBytes(_ bytes: String.UTF8View) -> Bool {
        var rest = bytes.drop { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: " ") }
        guard let first = rest.first, isDigit(first) else { return false }
        rest = rest.drop { isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }
        rest = rest.drop { $0 == UInt8(ascii: " ") || $0 == 0xC2 || $0 == 0xA0 }   // NBSP is C2 A0
        return rest.first == UInt8(ascii: "%")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private struct Token { var folded: String; var range: Range<String.Index> }

    /// Word tokens with their ranges in the original text (folding changes lengths, so the
    /// remainder is cut from the original); empty when the first canonical word is not in
    /// `firstWords`, which is known after a word or a run of single letters, before the rest
    /// of the cell is read.
    private static func tokens(of text: String, limit: Int, firstWordIn firstWords: Set<String>) -> [Token] {
        var raw: [(String, Range<String.Index>)] = []
        var start: String.Index?
        var index = text.startIndex
        var firstChecked = false
        func flush(_ end: String.Index) {
            guard let s = start else { return }
            let run = text[s..<end]
            // A run of ASCII letters and digits folds to itself lower-cased.
            if TextFolding.isASCII(run.utf8) {
                raw.append((TextFolding.asciiLowercased(run.utf8), s..<end))
            } else {
                for word in TextFolding.words(String(run)) { raw.append((word, s..<end)) }
            }
            start = nil
        }
        /// The first canonical word is settled once a word that is not a single letter has
        /// been read (single letters join into an abbreviation: `N.I.F.`).
        func firstWordRejected(atEnd: Bool) -> Bool {
            guard !firstChecked, !raw.isEmpty else { return false }
            let settled = raw.firstIndex { !Self.isSingleLetter($0.0) }
            guard settled != nil || atEnd else { return false }
            firstChecked = true
            let head = raw[...(settled ?? raw.count - 1)].lazy.map(\.0)
            guard let first = LabelSynonyms.firstCanonical(of: head) else { return true }
            return !firstWords.contains(first)
        }
        // Twice the phrase length in raw words: dotted abbreviations shrink when joined.
        // ASCII text is walked byte by byte: Character iteration (grapheme breaking) was most of
        // the cost of matching, and in ASCII every byte classifies as its Character does.
        let ascii = TextFolding.isASCII(text.utf8)
        while index < text.endIndex, raw.count <= 2 * limit {
            let next = ascii ? text.utf8.index(after: index) : text.index(after: index)
            let isHash: Bool, isWord: Bool
            if ascii {
                let byte = text.utf8[index]
                (isHash, isWord) = (byte == UInt8(ascii: "#"), TextFolding.isASCIIAlphanumeric(byte))
            } else {
                let c = text[index]
                (isHash, isWord) = (c == "#", Self.isWordCharacter(c))
            }
            if isHash {
                flush(index)
                raw.append(("#", index..<next))
            } else if isWord {
                if start == nil { start = index }
            } else {
                flush(index)
            }
            if firstWordRejected(atEnd: false) { return [] }
            index = next
        }
        flush(index)
        if firstWordRejected(atEnd: true) { return [] }
        return LabelSynonyms.canonicalize(raw, merge: { $0.lowerBound..<$1.upperBound })
            .map { Token(folded: $0.0, range: $0.1) }
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        // ASCII first: Unicode property lookups were a large part of matching.
        if let ascii = c.asciiValue { return TextFolding.isASCIIAlphanumeric(ascii) }
        return c.isLetter || c.isNumber || c == "°" || c == "º" || c == "№"
    }

    private static func isSingleLetter(_ word: String) -> Bool {
        LabelSynonyms.isSingleLetter(word)
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
        return String(s).trimmingWhitespace()
    }
}

import Foundation
