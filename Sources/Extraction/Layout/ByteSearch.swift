extension String {
    /// Substring test on UTF-8 bytes. Foundation's `contains` goes through CFString on Linux,
    /// which dominates the cost when run over every cell of a page.
    func containsBytes(_ needle: String) -> Bool {
        let haystack = Array(utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return pattern.isEmpty }
        outer: for start in 0...(haystack.count - pattern.count) {
            for offset in pattern.indices where haystack[start + offset] != pattern[offset] { continue outer }
            return true
        }
        return false
    }
}
