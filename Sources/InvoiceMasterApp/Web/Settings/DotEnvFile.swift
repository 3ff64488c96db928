import Foundation

/// Reads a `.env` file: `KEY=VALUE` lines, optional `export `, `#` comment lines, values in
/// single or double quotes, or unquoted with an optional trailing ` # comment` (a value that is
/// only a comment is empty).
public enum DotEnvFile {
    /// The variables in the file at `path`; an empty dictionary when there is no file.
    public static func load(path: String) throws -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            throw SettingsError("\(path): cannot be read as UTF-8 text")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String = ".env") throws -> [String: String] {
        var values: [String: String] = [:]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else {
                throw SettingsError("\(path):\(number + 1): expected KEY=VALUE, got '\(rawLine)'")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard isValidName(key) else {
                throw SettingsError("\(path):\(number + 1): expected KEY=VALUE, got '\(rawLine)'")
            }
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
                value = String(value.dropFirst().dropLast())
            } else if value.hasPrefix("#") {
                value = ""  // `NAME=   # comment`: an empty value
            } else if let comment = value.range(of: " #") {
                value = value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            values[key] = value
        }
        return values
    }

    private static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
