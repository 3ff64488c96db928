import XCTest
@testable import PDF

/// The CFF reader on hand-built programs: charsets, encodings, CID-keyed fonts, damage.
final class CFFFontProgramTests: XCTestCase {
    typealias B = FontProgramBytes

    func testCharsetFormatsNameGlyphs() throws {
        // SIDs: 34 = A, 35 = B, 36 = C, 66 = a, 391 = the font's first own string.
        let cases: [(String, [UInt8]?, [String?])] = [
            ("predefined ISOAdobe", nil, [nil, "space", "exclam", "quotedbl"]),
            ("format 0", [0] + B.u16(34) + B.u16(66) + B.u16(391), [nil, "A", "a", "odd.name"]),
            ("format 1 ranges", [1] + B.u16(34) + [1] + B.u16(66) + [0], [nil, "A", "B", "a"]),
            ("format 2 ranges", [2] + B.u16(34) + B.u16(2), [nil, "A", "B", "C"]),
            ("a range longer than the font stops at its last glyph", [1] + B.u16(34) + [200], [nil, "A", "B", "C"]),
        ]
        for (name, charset, expected) in cases {
            let cff = try XCTUnwrap(CFFFontProgram(B.cff(glyphCount: 4, charset: charset, strings: ["odd.name"])), name)
            XCTAssertEqual(cff.glyphCount, 4, name)
            XCTAssertEqual((0..<4).map(cff.glyphName), expected, name)
            XCTAssertFalse(cff.isCIDKeyed, name)
        }
    }

    func testCIDKeyedCharsetMapsCIDsToGlyphsAndHasNoNames() throws {
        let cff = try XCTUnwrap(CFFFontProgram(B.cff(glyphCount: 4, charset: [2] + B.u16(100) + B.u16(1) + B.u16(7) + B.u16(0),
                                                    cidKeyed: true)))
        XCTAssertTrue(cff.isCIDKeyed)
        XCTAssertEqual(cff.glyphsByCID(), [100: 1, 101: 2, 7: 3])
        XCTAssertNil(cff.glyphName(1))
        XCTAssertNil(cff.builtInEncoding())
    }

    func testBuiltInEncodingFormats() throws {
        let charset: [UInt8] = [0] + B.u16(34) + B.u16(35) + B.u16(36)   // glyphs 1…3: A B C
        let cases: [(String, [UInt8], [Int: String])] = [
            ("format 0: a code per glyph", [0, 3, 0x61, 0x62, 0x63], [0x61: "A", 0x62: "B", 0x63: "C"]),
            ("format 1: code ranges", [1, 2, 0x41, 1, 0x7A, 0], [0x41: "A", 0x42: "B", 0x7A: "C"]),
            ("supplements add codes by SID", [0x80, 1, 0x41, 1, 0xE9] + B.u16(66), [0x41: "A", 0xE9: "a"]),
        ]
        for (name, encoding, expected) in cases {
            let cff = try XCTUnwrap(CFFFontProgram(B.cff(glyphCount: 4, charset: charset, encoding: encoding)), name)
            let names = try XCTUnwrap(cff.builtInEncoding(), name)
            XCTAssertEqual(names.count, 256, name)
            for code in 0..<256 { XCTAssertEqual(names[code], expected[code], "\(name): code \(code)") }
        }
    }

    func testPredefinedStandardEncodingIsLeftToTheCaller() throws {
        XCTAssertNil(try XCTUnwrap(CFFFontProgram(B.cff(glyphCount: 2, charset: nil))).builtInEncoding())
    }

    func testIndexesWithWideOffsets() throws {
        let index = B.index([[1, 2], [], [3, 4, 5]], offSize: 3)
        let parsed = try XCTUnwrap(CFFIndex(FontBytes(index), at: 0))
        XCTAssertEqual(parsed.count, 3)
        XCTAssertEqual(parsed.end, index.count)
        XCTAssertEqual(parsed.range(2).map { Array(index[$0]) }, [3, 4, 5])
        XCTAssertEqual(parsed.range(1)?.count, 0)
        XCTAssertNil(parsed.range(3))
    }

    func testDictOperandEncodings() {
        // 139 → 0, 247 0 → 108, 251 0 → -108, 28 → int16, 29 → int32, 30 → real (as 0).
        let bytes: [UInt8] = [139, 247, 0, 251, 0, 28, 0xFF, 0xFE, 29, 0, 1, 0, 0, 30, 0x1A, 0x2F, 17]
        XCTAssertEqual(CFFDict(FontBytes(bytes), 0..<bytes.count).operands[17], [0, 108, -108, -2, 65536, 0])
        let escaped: [UInt8] = [140, 141, 142, 12, 30]
        XCTAssertEqual(CFFDict(FontBytes(escaped), 0..<escaped.count).operands[CFFDict.ros], [1, 2, 3])
    }

    func testDamagedProgramsGiveNoNamesWithoutTrapping() throws {
        let whole = B.cff(glyphCount: 3, charset: [0] + B.u16(34) + B.u16(35), encoding: [0, 2, 0x41, 0x42])
        for length in 0...whole.count {
            let cff = CFFFontProgram(Array(whole.prefix(length)))
            _ = cff?.builtInEncoding()
            _ = (0..<4).map { cff?.glyphName($0) }
        }
        var garbage = whole
        for index in stride(from: 4, to: garbage.count, by: 5) { garbage[index] ^= 0xA5 }
        _ = CFFFontProgram(garbage)?.builtInEncoding()
        XCTAssertNil(CFFFontProgram([2, 0, 4, 4]), "unknown major version")
        XCTAssertNil(CFFFontProgram([]))
        // An INDEX whose last offset points past the data.
        XCTAssertNil(CFFIndex(FontBytes(B.u16(1) + [1, 1, 200]), at: 0))
    }
}
