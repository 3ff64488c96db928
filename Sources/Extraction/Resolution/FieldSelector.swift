import Foundation

/// Picks one value per field from its candidates. Candidates agreeing on a value pool their
/// evidence; a strong runner-up with a different value lowers the confidence.
enum FieldSelector {
    struct Pick { var candidate: FieldCandidate; var confidence: Double }

    /// Scores multiply label, position and format factors, so they run low for sound but
    /// generic evidence (`Date` above an unambiguous date: 0.55 × 0.9 ≈ 0.5): a power below 1
    /// spreads them over [0, 1] while two weak factors together (a generic label over an
    /// unchecked value) stay under the 0.5 reporting threshold.
    static func calibrated(_ score: Double) -> Double { pow(max(score, 0), 0.6) }

    /// How much a different runner-up value lowers the confidence. Invoices legitimately
    /// print several bank accounts, so for those the first one stays credible.
    static func ambiguityPenalty(_ field: InvoiceField) -> Double {
        switch field {
        case .iban, .bic: return 0.2
        default: return 0.5
        }
    }

    static func pick(_ candidates: [FieldCandidate], accept: (FieldCandidate) -> Bool = { _ in true }) -> Pick? {
        var byValue: [String: (best: FieldCandidate, total: Double, count: Int)] = [:]
        for c in candidates where accept(c) {
            let key = c.value.uppercased()
            if let e = byValue[key] {
                byValue[key] = (c.score > e.best.score ? c : e.best, e.total + c.score, e.count + 1)
            } else {
                byValue[key] = (c, c.score, 1)
            }
        }
        let ranked = byValue.values.map { entry -> (FieldCandidate, Double) in
            // Repetition (running headers, a summary box) adds a little, never dominates.
            (entry.best, min(1, entry.best.score + 0.05 * Double(entry.count - 1)))
        }
        .sorted { $0.1 > $1.1 || $0.1 == $1.1 && $0.0.cell < $1.0.cell }
        guard let (best, score) = ranked.first else { return nil }
        let runnerUp = ranked.dropFirst().first?.1 ?? 0
        let confidence = calibrated(score) * (1 - ambiguityPenalty(best.field) * runnerUp / max(score, 0.01))
        return Pick(candidate: best, confidence: min(0.99, max(0.01, confidence)))
    }
}
