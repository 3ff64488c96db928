import XCTest
@testable import PDF

final class FilterTests: XCTestCase {
    private let unlimited = OutputLimit.unlimited()

    private func decode(_ data: [UInt8], _ dictionary: String) throws -> [UInt8] {
        var parser = PDFObjectParser(lexer: PDFLexer(bytes: Array(dictionary.utf8)), maxDepth: 8)
        let d = try XCTUnwrap(parser.parseObject().dictionaryValue)
        return try FilterPipeline.decode(data, dictionary: d, limit: unlimited) { $0 }
    }

    func testFlateRoundTrip() throws {
        let text = Array(String(repeating: "BT /F1 12 Tf (Invoice) Tj ET\n", count: 500).utf8)
        XCTAssertEqual(try FlateDecoder.decode(zlibCompressed(text), limit: unlimited), text)
    }

    func testFlateTruncatedStreamYieldsWhatDecoded() throws {
        let text: [UInt8] = (0..<20000).map { (i: Int) -> UInt8 in UInt8(truncatingIfNeeded: i &* 7 &+ i / 13) }
        let compressed = zlibCompressed(text)
        let partial = try FlateDecoder.decode(Array(compressed.prefix(compressed.count / 2)), limit: unlimited)
        XCTAssertFalse(partial.isEmpty)
        XCTAssertLessThan(partial.count, text.count)
        XCTAssertEqual(partial, Array(text.prefix(partial.count)))
    }

    func testFlateWithWrongChecksumStillDecodes() throws {
        let text = Array("checksum damaged, data intact".utf8)
        var compressed = zlibCompressed(text)
        compressed[compressed.count - 1] ^= 0xFF
        XCTAssertEqual(try FlateDecoder.decode(compressed, limit: unlimited), text)
    }

    func testFlateWithoutZlibHeaderIsReadAsRawDeflate() throws {
        let text = Array("raw deflate data, raw deflate data, raw deflate data".utf8)
        let compressed = zlibCompressed(text)
        let raw = Array(compressed[2..<(compressed.count - 4)]) // strip zlib header and Adler-32
        XCTAssertEqual(try FlateDecoder.decode(raw, limit: unlimited), text)
    }

    func testFlateStopsAtTheOutputLimit() throws {
        let zeros = zlibCompressed([UInt8](repeating: 0, count: 1 << 20))
        let limit = OutputLimit(maxBytes: 1000, error: .decompressedSizeExceeded(limit: 1000))
        XCTAssertThrowsError(try FlateDecoder.decode(zeros, limit: limit)) { error in
            XCTAssertEqual(error as? PDFError, .decompressedSizeExceeded(limit: 1000))
        }
    }

    func testLZWSpecificationExample() throws {
        // ISO 32000-2 §7.4.4.2: "-----A---B" encodes to 80 0B 60 50 22 0C 0C 85 01.
        let encoded: [UInt8] = [0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01]
        XCTAssertEqual(try LZWDecoder.decode(encoded, earlyChange: true, limit: unlimited), Array("-----A---B".utf8))
    }

    func testLZWCodeWidthGrowthDependsOnEarlyChange() throws {
        // 300 distinct literal pairs force the table past 511 entries, so the width switch matters.
        let input = Array((0..<600).map { UInt8(truncatingIfNeeded: $0 * 31 + $0 / 256) })
        for early in [true, false] {
            let encoded = LZWTestEncoder.encode(input, earlyChange: early)
            XCTAssertEqual(try LZWDecoder.decode(encoded, earlyChange: early, limit: unlimited), input, "EarlyChange \(early)")
        }
        let encodedEarly = LZWTestEncoder.encode(input, earlyChange: true)
        XCTAssertNotEqual(try LZWDecoder.decode(encodedEarly, earlyChange: false, limit: unlimited), input)
    }

    func testLZWThroughThePipelineReadsEarlyChangeParameter() throws {
        let input = Array(String(repeating: "TOBEORNOTTOBEORTOBEORNOT#", count: 40).utf8)
        let encoded = LZWTestEncoder.encode(input, earlyChange: false)
        XCTAssertEqual(try decode(encoded, "<< /Filter /LZWDecode /DecodeParms << /EarlyChange 0 >> >>"), input)
    }

    func testASCIIHex() {
        XCTAssertEqual(ASCIIHexDecoder.decode(Array("48 65\n6C6c 6F>ignored".utf8)), Array("Hello".utf8))
        XCTAssertEqual(ASCIIHexDecoder.decode(Array("414>".utf8)), [0x41, 0x40])
    }

    func testASCII85() throws {
        XCTAssertEqual(try ASCII85Decoder.decode(Array("87cURD_*#-6q/;CDfTZ)+X$~>".utf8), limit: unlimited),
                       Array("Hello, PDF world!!".utf8))
        XCTAssertEqual(try ASCII85Decoder.decode(Array("z@:E^~>".utf8), limit: unlimited), [0, 0, 0, 0] + Array("abc".utf8))
        let spaced: [UInt8] = try ASCII85Decoder.decode(Array("<~87c UR\nD_*#-6q/;CDfTZ)+X$~>".utf8), limit: unlimited)
        XCTAssertEqual(spaced, Array("Hello, PDF world!!".utf8), "white-space and the <~ prefix are ignored")
    }

    func testRunLength() throws {
        // 2 literal bytes, then 'z' repeated 4 times (257 - 253), then end of data.
        XCTAssertEqual(try RunLengthDecoder.decode([1, 0x61, 0x62, 253, 0x7A, 128, 0x41], limit: unlimited),
                       Array("abzzzz".utf8))
    }

    func testFilterChainWithDecodeParmsArray() throws {
        // Flate with a PNG Up predictor, then ASCIIHex on top: /Filter [/ASCIIHexDecode /FlateDecode].
        let rows: [UInt8] = [2, 1, 2, 3, 2, 1, 1, 1] // two rows of 3 columns with the Up filter
        let hex = Array(zlibCompressed(rows).map { String(format: "%02x", $0) }.joined().utf8) + [0x3E]
        let out = try decode(hex, "<< /Filter [/ASCIIHexDecode /FlateDecode] /DecodeParms [null << /Predictor 12 /Columns 3 >>] >>")
        XCTAssertEqual(out, [1, 2, 3, 2, 3, 4])
    }

    func testImageCodecsAreRecognisedAndNotDecoded() throws {
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]
        XCTAssertEqual(try decode(jpeg, "<< /Filter /DCTDecode >>"), jpeg)
        let hex = Array("FFD8FFE0010203>".utf8)
        XCTAssertEqual(try decode(hex, "<< /Filter [/AHx /DCT] >>"), jpeg)
        XCTAssertTrue(FilterPipeline.isImageCoded(PDFDictionary(["Filter": .name("JBIG2Decode")])) { $0 })
        XCTAssertFalse(FilterPipeline.isImageCoded(PDFDictionary(["Filter": .name("FlateDecode")])) { $0 })
    }

    func testUnknownFilterIsAnError() {
        XCTAssertThrowsError(try decode([1, 2], "<< /Filter /NoSuchDecode >>")) { error in
            guard case .malformed? = error as? PDFError else { return XCTFail("\(error)") }
        }
    }
}

/// A straightforward LZW encoder (TIFF/PDF variant) to produce test input.
enum LZWTestEncoder {
    static func encode(_ input: [UInt8], earlyChange: Bool) -> [UInt8] {
        var table: [[UInt8]: Int] = [:]
        for i in 0..<256 { table[[UInt8(i)]] = i }
        var next = 258, width = 9
        var bits: [Bool] = []
        func emit(_ code: Int) { for k in stride(from: width - 1, through: 0, by: -1) { bits.append(code >> k & 1 == 1) } }
        emit(256)
        var current: [UInt8] = []
        let early = earlyChange ? 1 : 0
        for b in input {
            let candidate = current + [b]
            if table[candidate] != nil { current = candidate; continue }
            emit(table[current]!)
            table[candidate] = next
            next += 1
            if next + early > (1 << width) && width < 12 { width += 1 }
            current = [b]
        }
        if !current.isEmpty { emit(table[current]!) }
        emit(257)
        var out: [UInt8] = []
        var byte: UInt8 = 0, n = 0
        for bit in bits {
            byte = byte << 1 | (bit ? 1 : 0); n += 1
            if n == 8 { out.append(byte); byte = 0; n = 0 }
        }
        if n > 0 { out.append(byte << (8 - n)) }
        return out
    }
}
