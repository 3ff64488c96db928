/// Lines naming the person or department a document goes to (`Attn: Accounts Payable`,
/// `z. Hd. Frau Keller`, `T.a.v. de administratie`, `À l'attention de …`): part of an address
/// block, never the party's name.
enum AttentionLine {
    /// Opening words, folded and canonicalised as the label matcher does (dotted letters join:
    /// `T.a.v.` → `tav`, `A/C` → `ac`).
    static let openings: [[String]] = [
        ["attn"], ["att"], ["attention"], ["fao"], ["for", "the", "attention"], ["z", "hd"], ["zhd"], ["zu", "handen"],
        ["al", "attention"], ["a", "l", "attention"], ["tav"], ["ter", "attentie"], ["a", "la", "atencion"], ["atencion"],
        ["alla", "ca"], ["ca"], ["ac"], ["do", "rak"], ["attn", "to"],
    ]

    static func matches(_ text: String) -> Bool {
        // Cheap first test: such lines are short and start with a letter.
        guard text.utf8.count <= 80, text.first?.isLetter == true else { return false }
        let words = LabelSynonyms.canonicalize(TextFolding.words(String(text.prefix(30))))
        guard openings.contains(where: { words.count > $0.count && Array(words.prefix($0.count)) == $0 }) else { return false }
        return !CompanyLexicon.hasLegalForm(text)   // `Attention to Detail Ltd` is a company
    }
}
