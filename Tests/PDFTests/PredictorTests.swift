import XCTest
@testable import PDF

final class PredictorTests: XCTestCase {
    /// Encodes `rows` with one PNG filter type, the way an encoder would, for round-trip checks.
    private func pngEncode(_ rows: [[UInt8]], type: UInt8, bpp: Int) -> [UInt8] {
        var out: [UInt8] = []
        var previous = [UInt8](repeating: 0, count: rows[0].count)
        for row in rows {
            out.append(type)
            for k in 0..<row.count {
                let a = k >= bpp ? Int(row[k - bpp]) : 0
                let b = Int(previous[k])
                let c = k >= bpp ? Int(previous[k - bpp]) : 0
                let predicted: Int
                switch type {
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c)
                default: predicted = 0
                }
                out.append(row[k] &- UInt8(predicted))
            }
            previous = row
        }
        return out
    }

    private let rows: [[UInt8]] = [
        [10, 20, 30, 40, 50, 60],
        [12, 25, 31, 200, 255, 0],
        [0, 1, 2, 250, 128, 64],
    ]

    func testEachPNGFilterTypeRoundTrips() throws {
        for type: UInt8 in 0...4 {
            let encoded = pngEncode(rows, type: type, bpp: 2)
            let decoder = PredictorDecoder(predictor: 12, colors: 2, bitsPerComponent: 8, columns: 3)
            XCTAssertEqual(try decoder.decode(encoded), rows.flatMap { $0 }, "PNG filter type \(type)")
        }
    }

    func testPNGRowsMayMixFilterTypes() throws {
        var encoded: [UInt8] = []
        for (i, type) in [UInt8(4), 1, 3].enumerated() {
            // Encode each row against the real previous row with its own type.
            let upTo = Array(rows[0...i])
            let all = pngEncode(upTo, type: type, bpp: 1)
            encoded += all.suffix(rows[i].count + 1)
        }
        let decoder = PredictorDecoder(predictor: 15, colors: 1, bitsPerComponent: 8, columns: 6)
        XCTAssertEqual(try decoder.decode(encoded), rows.flatMap { $0 })
    }

    func testPNGUnknownFilterTypeIsAnError() {
        let decoder = PredictorDecoder(predictor: 12, columns: 2)
        XCTAssertThrowsError(try decoder.decode([7, 1, 2]))
    }

    func testTIFF8Bit() throws {
        // Two RGB pixels per row: the second pixel stores differences from the first.
        let encoded: [UInt8] = [10, 20, 30, 5, 5, 250, 1, 1, 1, 1, 1, 1]
        let decoder = PredictorDecoder(predictor: 2, colors: 3, bitsPerComponent: 8, columns: 2)
        XCTAssertEqual(try decoder.decode(encoded), [10, 20, 30, 15, 25, 24, 1, 1, 1, 2, 2, 2])
    }

    func testTIFF16Bit() throws {
        let encoded: [UInt8] = [0x01, 0x00, 0x00, 0xFF, 0xFF, 0xFF]
        let decoder = PredictorDecoder(predictor: 2, colors: 1, bitsPerComponent: 16, columns: 3)
        XCTAssertEqual(try decoder.decode(encoded), [0x01, 0x00, 0x01, 0xFF, 0x01, 0xFE])
    }

    func testTIFF1Bit() throws {
        // 8 one-bit samples; each is the XOR (sum mod 2) with the one before: 1 0 0 0 1 0 0 0 → 1 1 1 1 0 0 0 0.
        let decoder = PredictorDecoder(predictor: 2, colors: 1, bitsPerComponent: 1, columns: 8)
        XCTAssertEqual(try decoder.decode([0b1000_1000]), [0b1111_0000])
    }

    func testHugeDeclaredRowsAreBoundedByTheData() throws {
        // 16M columns of 32 16-bit colours would be a 1 GB row; the data holds 9 bytes.
        let decoder = PredictorDecoder(predictor: 12, colors: 32, bitsPerComponent: 16, columns: 1 << 24)
        XCTAssertEqual(try decoder.decode([0, 1, 2, 3, 4, 5, 6, 7, 8]), [1, 2, 3, 4, 5, 6, 7, 8])
        let tiff = PredictorDecoder(predictor: 2, colors: 32, bitsPerComponent: 16, columns: 1 << 24)
        XCTAssertEqual(try tiff.decode([1, 2, 3]), [1, 2, 3], "no complete row: data unchanged")
    }

    func testPredictorParametersFromDictionary() throws {
        let d = PDFDictionary(["Predictor": .integer(12), "Columns": .integer(4), "Colors": .integer(1)])
        let decoder = try XCTUnwrap(try PredictorDecoder(parameters: d))
        XCTAssertEqual(decoder.rowLength, 4)
        XCTAssertNil(try PredictorDecoder(parameters: PDFDictionary(["Predictor": .integer(1)])))
        XCTAssertThrowsError(try PredictorDecoder(parameters: PDFDictionary(["Predictor": .integer(12), "Columns": .integer(-3)])))
    }
}
