/// Picks TotalAmount, Subtotal and TaxAmount together. Each labelled amount is a candidate
/// for its role; per-rate VAT lines are also summed; the triple where Subtotal + TaxAmount =
/// TotalAmount wins over stronger labels that do not add up. That is how the grand total is
/// told from a "Total due" after a deposit, and a totals row from a line-item column.
struct TotalsResolver {
    struct Choice { var candidate: AmountCandidate; var confidence: Double }
    private(set) var total: Choice?
    private(set) var subtotal: Choice?
    private(set) var tax: Choice?

    /// Below this many candidates per role the search is exhaustive.
    private static let maxPerRole = 8
    static let consistencyBonus = 1.5

    init(candidates: [AmountCandidate]) {
        // Credit notes may print their totals negative; otherwise a negative amount is a
        // deduction, never the total.
        let creditNote = !candidates.contains { ($0.role == .grandTotal || $0.role == .amountDue) && $0.amount.cents > 0 }
        let totals = Self.merged(candidates.compactMap { c -> AmountCandidate? in
            guard c.amount.cents > 0 || creditNote && c.amount.cents < 0 else { return nil }
            switch c.role {
            case .grandTotal: return c
            case .amountDue: var d = c; d.score *= 0.8; return d
            default: return nil
            }
        })
        let subtotals = Self.candidates(candidates, for: .subtotal, accept: { $0.cents > 0 || creditNote && $0.cents < 0 }) {
            if case .subtotalRateLine(let rate) = $0 { return rate } else { return nil }
        }
        let taxes = Self.candidates(candidates, for: .taxTotal, accept: { $0.cents >= 0 || creditNote }) {
            if case .taxRateLine(let rate) = $0 { return rate } else { return nil }
        }

        var best: (score: Double, t: AmountCandidate?, s: AmountCandidate?, x: AmountCandidate?, consistent: Bool)
            = (0, nil, nil, nil, false)
        let largestTotal = totals.map(\.amount).max { $0.cents.magnitude < $1.cents.magnitude }
        for t in [nil] + totals.map(Optional.some) {
            for s in [nil] + subtotals.map(Optional.some) {
                for x in [nil] + taxes.map(Optional.some) {
                    var score = (t?.score ?? 0) + (s?.score ?? 0) + (x?.score ?? 0)
                    var consistent = false
                    if let t, let s, let x, s.amount + x.amount == t.amount {
                        score += Self.consistencyBonus
                        consistent = true
                    } else if let t, let s, s.amount.cents.magnitude > t.amount.cents.magnitude {
                        score -= 1   // a net amount above the gross one is impossible
                    }
                    // The grand total is the largest total printed (a deposit only lowers what is due).
                    if let t, t.amount == largestTotal { score += 0.2 }
                    if score > best.score { best = (score, t, s, x, consistent) }
                }
            }
        }
        func choice(_ c: AmountCandidate?) -> Choice? {
            guard let c else { return nil }
            let confidence = best.consistent ? min(0.99, 0.8 + 0.2 * c.score) : min(0.9, 0.85 * c.score)
            return Choice(candidate: c, confidence: confidence)
        }
        total = choice(best.t)
        subtotal = choice(best.s)
        tax = choice(best.x)
    }

    /// Candidates for a total role: those labelled with it, each per-rate line (slightly
    /// weaker) and the sum of the per-rate lines.
    private static func candidates(_ all: [AmountCandidate], for role: AmountRole, accept: (Money) -> Bool,
                                   rate: (AmountRole) -> String?) -> [AmountCandidate] {
        merged(all.compactMap { c -> AmountCandidate? in
            guard accept(c.amount) else { return nil }
            if c.role == role { return c }
            guard rate(c.role) != nil else { return nil }
            var line = c
            line.score *= 0.9
            return line
        } + sumOfRateLines(all, as: role, rate: rate))
    }

    /// Candidates with the same amount merged: the best score, raised a little when the
    /// amount is printed under several labels (a summary box repeating the totals).
    private static func merged(_ candidates: [AmountCandidate]) -> [AmountCandidate] {
        var byAmount: [Money: (AmountCandidate, Int)] = [:]
        for c in candidates {
            if let (existing, count) = byAmount[c.amount] {
                byAmount[c.amount] = (c.score > existing.score ? c : existing, count + 1)
            } else {
                byAmount[c.amount] = (c, 1)
            }
        }
        return byAmount.values.map { c, count in
            var m = c
            m.score = min(1, m.score + 0.05 * Double(count - 1))
            return m
        }
        .sorted { $0.score > $1.score || $0.score == $1.score && $0.amount > $1.amount }
        .prefix(maxPerRole).map { $0 }
    }

    /// Documents with several VAT rates print one line per rate and not always a total: the
    /// sum over distinct rates is then the TaxAmount (or, for per-rate bases, the Subtotal).
    private static func sumOfRateLines(_ candidates: [AmountCandidate], as role: AmountRole,
                                       rate rateOf: (AmountRole) -> String?) -> [AmountCandidate] {
        var perRate: [String: AmountCandidate] = [:]
        for c in candidates {
            guard let rate = rateOf(c.role) else { continue }
            if let existing = perRate[rate], existing.score >= c.score { continue }
            perRate[rate] = c
        }
        guard perRate.count >= 2 else { return [] }
        let lines = perRate.values.sorted { $0.cell < $1.cell }
        var sum = lines[0]
        sum.amount = lines.dropFirst().reduce(lines[0].amount) { $0 + $1.amount }
        sum.role = role
        sum.score = lines.map(\.score).reduce(0, +) / Double(lines.count) * 0.85
        sum.box = lines.dropFirst().reduce(lines[0].box) { $0.union($1.box) }
        sum.raw = lines.map(\.raw).joined(separator: " + ")
        return [sum]
    }
}
