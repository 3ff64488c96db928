/// Reads the built-in encoding of an embedded Type 1 font program (Adobe Type 1 Font Format §2.3):
/// the clear-text part before `eexec` holds `/Encoding 256 array … dup 65 /A put … readonly def`.
enum Type1FontProgram {
    static func encoding(in program: [UInt8]) -> [String?]? {
        let end = ByteSearch.firstIndex(of: Array("eexec".utf8), in: program, from: 0, to: program.count) ?? program.count
        guard let start = ByteSearch.firstIndex(of: Array("/Encoding".utf8), in: program, from: 0, to: end) else { return nil }
        let clearText = program[..<end]
        var names: [String?] = Array(repeating: nil, count: 256)
        var found = false
        // Tokens after /Encoding: look for `dup <code> /<name> put` until `def`/`readonly def`.
        var tokens: [Substring] = []
        let text = String(decoding: clearText[start...], as: UTF8.self)
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }) {
            if token == "def" || token == "StandardEncoding" { break }
            tokens.append(token)
            if token == "put", tokens.count >= 4, tokens[tokens.count - 4] == "dup",
               let code = Int(tokens[tokens.count - 3]), (0..<256).contains(code),
               tokens[tokens.count - 2].hasPrefix("/") {
                names[code] = String(tokens[tokens.count - 2].dropFirst())
                found = true
            }
        }
        return found ? names : nil
    }

}
