import XCTest
@testable import PDF

final class EncryptionTests: XCTestCase {
    private let emptyUserPasswordFiles = [
        "enc-rc4-40-empty-user.pdf", "enc-rc4-128-empty-user.pdf",
        "enc-aes-128-empty-user.pdf", "enc-aes-256-empty-user.pdf",
    ]

    func testEmptyUserPasswordFilesDecryptStringsAndStreams() throws {
        for name in emptyUserPasswordFiles {
            let file = try PDFFile(bytes: TestCorpus.bytes("pdf-robustness", name))
            XCTAssertTrue(file.isEncrypted, name)
            // Strings: the Info dictionary's /CreationDate reads as a PDF date only when decrypted.
            let info = try XCTUnwrap(file.resolve(file.trailer["Info"] ?? .null).dictionaryValue, name)
            XCTAssertEqual(info["CreationDate"]?.stringBytes.map { Array($0.prefix(4)) }, Array("D:20".utf8), name)
            // Streams: content inflates (garbage would not) and shows text.
            let pages = try file.pages()
            XCTAssertEqual(pages.count, 1, name)
            var parser = ContentStreamParser(try pages[0].contentData(in: file))
            var textOperators = 0
            while let operation = try parser.next() {
                if ["Tj", "TJ", "'", "\""].contains(operation.op) { textOperators += 1 }
            }
            XCTAssertGreaterThan(textOperators, 3, name)
        }
    }

    func testRevisionsAndMethodsOfTheCorpusFiles() throws {
        let expected: [String: StandardSecurityHandler.Method] = [
            "enc-rc4-40-empty-user.pdf": .rc4, "enc-rc4-128-empty-user.pdf": .rc4,
            "enc-aes-128-empty-user.pdf": .aesV2, "enc-aes-256-empty-user.pdf": .aesV3,
        ]
        for (name, method) in expected {
            let file = try PDFFile(bytes: TestCorpus.bytes("pdf-robustness", name))
            XCTAssertEqual(file.security?.streamMethod, method, name)
        }
    }

    func testRealUserPasswordIsRequired() throws {
        XCTAssertThrowsError(try PDFFile(bytes: TestCorpus.bytes("pdf-robustness", "libreoffice-writer-password.pdf"))) {
            XCTAssertEqual($0 as? PDFError, .passwordRequired)
        }
    }

    func testUnknownSecurityHandlerIsUnsupported() {
        var builder = TestPDFBuilder.onePage(content: "(x) Tj", extraObjects: ["<< /Filter /FooSecurity /V 2 /R 3 >>"])
        builder.trailerExtra = "/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00>]"
        XCTAssertThrowsError(try PDFFile(bytes: builder.bytes)) { error in
            guard case .unsupportedEncryption? = error as? PDFError else { return XCTFail("\(error)") }
        }
    }

    func testWrongPasswordCheckValueIsPasswordRequired() {
        let o = String(repeating: "11", count: 32), u = String(repeating: "22", count: 32)
        var builder = TestPDFBuilder.onePage(content: "(x) Tj",
            extraObjects: ["<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <\(o)> /U <\(u)> >>"])
        builder.trailerExtra = "/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00>]"
        XCTAssertThrowsError(try PDFFile(bytes: builder.bytes)) { XCTAssertEqual($0 as? PDFError, .passwordRequired) }
    }

    func testRC4KnownAnswer() {
        // The classic test vector: key "Key", plaintext "Plaintext".
        XCTAssertEqual(RC4.crypt(Array("Plaintext".utf8), key: Array("Key".utf8)),
                       [0xBB, 0xF3, 0x16, 0xE8, 0xD9, 0x40, 0xAF, 0x0A, 0xD3])
    }

    func testDigestsAndAESRoundTrip() {
        XCTAssertEqual(CryptoPrimitives.digest(Array("abc".utf8), .md5).prefix(4), [0x90, 0x01, 0x50, 0x98])
        XCTAssertEqual(CryptoPrimitives.digest(Array("abc".utf8), .sha256).prefix(4), [0xBA, 0x78, 0x16, 0xBF])
        XCTAssertEqual(CryptoPrimitives.digest([], .sha384).count, 48)
        XCTAssertEqual(CryptoPrimitives.digest([], .sha512).count, 64)
        let key = [UInt8](repeating: 7, count: 16), iv = [UInt8](repeating: 9, count: 16)
        let plain: [UInt8] = Array("sixteen byte blk".utf8) + [UInt8](repeating: 16, count: 16) // with PKCS#7 block
        let encrypted = CryptoPrimitives.aes128CBCEncrypt(plain, key: key, iv: iv)
        XCTAssertEqual(CryptoPrimitives.aesCBCDecrypt(encrypted, key: key, iv: iv, padded: true), Array("sixteen byte blk".utf8))
    }
}
