extension InvoiceExtractor {
    /// Builds the label lexicon's lookup tables now rather than inside the first extraction:
    /// folding and canonicalising some 1,800 phrases takes tens of milliseconds, once per
    /// process. A server calls this at start-up, off the request path.
    public static func prepare() {
        _ = LabelMatcher.shared
    }
}
