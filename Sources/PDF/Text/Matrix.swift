/// An affine transform `[a b c d e f]` in PDF's row-vector convention (ISO 32000-2 §8.3.4):
/// x' = a·x + c·y + e, y' = b·x + d·y + f; `m1.concatenating(m2)` applies m1 first.
struct Matrix: Sendable, Equatable {
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0

    static let identity = Matrix()

    init() {}
    init(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.e = e; self.f = f
    }
    /// Six numeric operands; nil when any is missing or not finite.
    init?(_ operands: ArraySlice<PDFObject>) {
        guard operands.count == 6 else { return nil }
        var values: [Double] = []
        values.reserveCapacity(6)
        for operand in operands {
            guard let value = operand.numberValue, value.isFinite else { return nil }
            values.append(value)
        }
        self.init(values[0], values[1], values[2], values[3], values[4], values[5])
    }

    static func translation(_ tx: Double, _ ty: Double) -> Matrix { Matrix(1, 0, 0, 1, tx, ty) }

    /// This transform followed by `other`.
    func concatenating(_ m: Matrix) -> Matrix {
        Matrix(a * m.a + b * m.c, a * m.b + b * m.d,
               c * m.a + d * m.c, c * m.b + d * m.d,
               e * m.a + f * m.c + m.e, e * m.b + f * m.d + m.f)
    }

    @inline(__always)
    func apply(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// A direction vector transformed (translation ignored).
    @inline(__always)
    func applyToVector(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        (a * x + c * y, b * x + d * y)
    }
}
