/// Undoes the PNG (Predictor ≥ 10) and TIFF (Predictor 2) predictors that may follow
/// FlateDecode and LZWDecode (§7.4.4.4).
struct PredictorDecoder {
    var predictor: Int
    var colors: Int
    var bitsPerComponent: Int
    var columns: Int

    /// Reads `/Predictor`, `/Colors`, `/BitsPerComponent`, `/Columns`; nil when there is nothing to undo.
    init?(parameters: PDFDictionary?) throws {
        guard let p = parameters, let predictor = p["Predictor"]?.intValue, predictor > 1 else { return nil }
        self.predictor = predictor
        self.colors = p["Colors"]?.intValue ?? 1
        self.bitsPerComponent = p["BitsPerComponent"]?.intValue ?? 8
        self.columns = p["Columns"]?.intValue ?? 1
        guard (1...32).contains(colors), [1, 2, 4, 8, 16].contains(bitsPerComponent),
              (1...(1 << 24)).contains(columns) else {
            throw PDFError.malformed("invalid predictor parameters")
        }
    }

    init(predictor: Int, colors: Int = 1, bitsPerComponent: Int = 8, columns: Int = 1) {
        self.predictor = predictor; self.colors = colors
        self.bitsPerComponent = bitsPerComponent; self.columns = columns
    }

    /// Bytes per row of samples.
    var rowLength: Int { (colors * bitsPerComponent * columns + 7) / 8 }
    /// Bytes per complete pixel, at least one (the PNG "bpp").
    var pixelBytes: Int { max(1, colors * bitsPerComponent / 8) }

    func decode(_ data: [UInt8]) throws -> [UInt8] {
        if predictor == 2 { return tiff(data) }
        if predictor >= 10 { return try png(data) }
        throw PDFError.malformed("unknown predictor \(predictor)")
    }

    /// PNG: each row starts with its own filter-type byte. A short last row is kept as far as it goes.
    private func png(_ data: [UInt8]) throws -> [UInt8] {
        // A row longer than the data is one partial row: never allocate beyond the data.
        let rowLength = min(self.rowLength, data.count)
        let bpp = pixelBytes
        var out: [UInt8] = []
        out.reserveCapacity(data.count)
        var previous = [UInt8](repeating: 0, count: rowLength)
        var row = [UInt8](repeating: 0, count: rowLength)
        var i = 0
        while i < data.count {
            let type = data[i]
            i += 1
            let n = min(rowLength, data.count - i)
            for k in 0..<n { row[k] = data[i + k] }
            for k in n..<rowLength { row[k] = 0 }
            i += n
            switch type {
            case 0: break
            case 1: // Sub
                if rowLength > bpp { for k in bpp..<rowLength { row[k] = row[k] &+ row[k - bpp] } }
            case 2: // Up
                for k in 0..<rowLength { row[k] = row[k] &+ previous[k] }
            case 3: // Average
                for k in 0..<rowLength {
                    let left = k >= bpp ? Int(row[k - bpp]) : 0
                    row[k] = row[k] &+ UInt8((left + Int(previous[k])) / 2)
                }
            case 4: // Paeth
                for k in 0..<rowLength {
                    let a = k >= bpp ? Int(row[k - bpp]) : 0
                    let b = Int(previous[k])
                    let c = k >= bpp ? Int(previous[k - bpp]) : 0
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    let predicted = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c)
                    row[k] = row[k] &+ UInt8(predicted)
                }
            default:
                throw PDFError.malformed("unknown PNG filter type \(type)")
            }
            out.append(contentsOf: row[0..<n])
            swap(&previous, &row)
        }
        return out
    }

    /// TIFF predictor 2: each sample is stored as the difference from the same component of the
    /// pixel to its left, within a row.
    private func tiff(_ data: [UInt8]) -> [UInt8] {
        var out = data
        let rowLength = self.rowLength
        guard rowLength > 0 else { return out }
        var rowStart = 0
        while rowStart + rowLength <= out.count {
            switch bitsPerComponent {
            case 8:
                if rowLength > colors {
                    for k in (rowStart + colors)..<(rowStart + rowLength) { out[k] = out[k] &+ out[k - colors] }
                }
            case 16:
                let stride = 2 * colors
                var k = rowStart + stride
                while k + 1 < rowStart + rowLength {
                    let value = (UInt16(out[k]) << 8 | UInt16(out[k + 1])) &+ (UInt16(out[k - stride]) << 8 | UInt16(out[k - stride + 1]))
                    out[k] = UInt8(value >> 8)
                    out[k + 1] = UInt8(value & 0xFF)
                    k += 2
                }
            default:
                tiffSubByteRow(&out, rowStart: rowStart)
            }
            rowStart += rowLength
        }
        return out
    }

    /// Sub-byte samples (1, 2 or 4 bits): add each to the one `colors` samples earlier, modulo 2^bits.
    private func tiffSubByteRow(_ out: inout [UInt8], rowStart: Int) {
        let bits = bitsPerComponent
        let mask = (1 << bits) - 1
        let samples = colors * columns
        func sample(_ index: Int) -> Int {
            let bit = index * bits
            let byte = out[rowStart + bit / 8]
            let shift = 8 - bits - bit % 8
            return (Int(byte) >> shift) & mask
        }
        func setSample(_ index: Int, _ value: Int) {
            let bit = index * bits
            let shift = 8 - bits - bit % 8
            let at = rowStart + bit / 8
            out[at] = UInt8((Int(out[at]) & ~(mask << shift)) | ((value & mask) << shift))
        }
        guard samples > colors else { return }
        for s in colors..<samples { setSample(s, sample(s) + sample(s - colors)) }
    }
}
