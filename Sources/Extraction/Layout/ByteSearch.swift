extension String {
    /// Substring test on UTF-8 bytes. Foundation's `contains` goes through CFString on Linux,
    /// which dominates the cost when run over every cell of a page. Compares the strings' own
    /// storage in place: copying both into arrays per call cost more than the search.
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self, pattern = needle
        return haystack.withUTF8 { haystack in
            pattern.withUTF8 { pattern in
                guard !pattern.isEmpty, haystack.count >= pattern.count else { return pattern.isEmpty }
                outer: for start in 0...(haystack.count - pattern.count) {
                    for offset in pattern.indices where haystack[start + offset] != pattern[offset] { continue outer }
                    return true
                }
                return false
            }
        }
    }
}
