#if canImport(Glibc)
import Glibc
#endif

/// One part of a `multipart/form-data` body (RFC 7578).
public struct MultipartPart: Sendable, Equatable {
    /// The field name from `Content-Disposition: form-data; name="..."`.
    public var name: String?
    /// The file name, if the part is a file (`filename*` preferred over `filename`).
    public var filename: String?
    public var headers: HTTPHeaders
    public var body: [UInt8]

    /// The part's `Content-Type`, or nil (RFC 7578 §4.4 defaults it to text/plain).
    public var contentType: String? { headers["content-type"] }

    public init(name: String?, filename: String?, headers: HTTPHeaders, body: [UInt8]) {
        self.name = name; self.filename = filename; self.headers = headers; self.body = body
    }

    public static func == (lhs: MultipartPart, rhs: MultipartPart) -> Bool {
        lhs.name == rhs.name && lhs.filename == rhs.filename && lhs.body == rhs.body
            && lhs.headers.map { "\($0.name):\($0.value)" } == rhs.headers.map { "\($0.name):\($0.value)" }
    }
}

public enum MultipartError: Error, Equatable, CustomStringConvertible {
    /// The boundary is missing, empty, longer than 70 characters or has forbidden characters.
    case invalidBoundary
    /// The body does not follow the multipart syntax.
    case malformed(String)
    /// A part's body is larger than `maxPartBytes`.
    case partTooLarge(name: String?)
    /// More parts than `maxParts`.
    case tooManyParts

    public var description: String {
        switch self {
        case .invalidBoundary: return "invalid multipart boundary"
        case .malformed(let reason): return "malformed multipart body: \(reason)"
        case .partTooLarge(let name): return "multipart part \(name.map { "'\($0)'" } ?? "") is too large"
        case .tooManyParts: return "too many multipart parts"
        }
    }
}

/// Parser for `multipart/form-data` bodies (RFC 7578 over RFC 2046 §5.1), as sent by browsers
/// and `curl -F` for file uploads.
public enum MultipartParser {
    /// The `boundary` parameter of a `multipart/form-data` Content-Type, or nil.
    public static func boundary(fromContentType contentType: String) -> String? {
        let parameters = HeaderParameters.parse(contentType)
        guard parameters.value.lowercased() == "multipart/form-data",
              let boundary = parameters.parameters["boundary"], isValidBoundary(boundary) else { return nil }
        return boundary
    }

    /// Splits `body` into parts. Limits bound memory and work for hostile input.
    public static func parse(body: [UInt8], boundary: String, maxPartBytes: Int = 25 * 1024 * 1024,
                             maxParts: Int = 1000) throws -> [MultipartPart] {
        guard isValidBoundary(boundary) else { throw MultipartError.invalidBoundary }
        let delimiter = Array("--\(boundary)".utf8)
        let partDelimiter = [ByteClass.cr, ByteClass.lf] + delimiter
        return try body.withUnsafeBytes { bytes -> [MultipartPart] in
            // The first delimiter is at the very start or after the preamble's CRLF.
            var index: Int
            if bytes.starts(with: delimiter) {
                index = delimiter.count
            } else if let found = search(partDelimiter, in: bytes, from: 0) {
                index = found + partDelimiter.count
            } else {
                throw MultipartError.malformed("no opening boundary")
            }
            var parts: [MultipartPart] = []
            while true {
                if index + 1 < bytes.count && bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-") {
                    return parts  // close delimiter; anything after is epilogue
                }
                while index < bytes.count && (bytes[index] == ByteClass.space || bytes[index] == ByteClass.tab) { index += 1 }
                guard index + 1 < bytes.count, bytes[index] == ByteClass.cr, bytes[index + 1] == ByteClass.lf else {
                    throw MultipartError.malformed("boundary not followed by CRLF")
                }
                index += 2
                if parts.count == maxParts { throw MultipartError.tooManyParts }
                let (headers, bodyStart) = try parsePartHeaders(bytes, from: index)
                guard let bodyEnd = search(partDelimiter, in: bytes, from: bodyStart) else {
                    throw MultipartError.malformed("part not closed by a boundary")
                }
                let disposition = HeaderParameters.parse(headers["content-disposition"] ?? "")
                let name = disposition.parameters["name"]
                if bodyEnd - bodyStart > maxPartBytes { throw MultipartError.partTooLarge(name: name) }
                let filename = disposition.parameters["filename*"].flatMap(decodeExtendedValue) ?? disposition.parameters["filename"]
                parts.append(MultipartPart(name: name, filename: filename, headers: headers,
                                           body: Array(UnsafeRawBufferPointer(rebasing: bytes[bodyStart..<bodyEnd]))))
                index = bodyEnd + partDelimiter.count
            }
        }
    }

    /// RFC 2046: 1 to 70 characters from a restricted set, not ending in a space.
    static func isValidBoundary(_ boundary: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'()+_,-./:=? ".utf8)
        return (1...70).contains(boundary.utf8.count) && boundary.utf8.allSatisfy(allowed.contains) && boundary.last != " "
    }

    private static let maxPartHeaderBytes = 8 * 1024

    private static func parsePartHeaders(_ bytes: UnsafeRawBufferPointer, from start: Int) throws -> (HTTPHeaders, Int) {
        var headers = HTTPHeaders()
        var limits = HTTPParserLimits()
        limits.maxHeaderSectionBytes = maxPartHeaderBytes
        let window = UnsafeRawBufferPointer(rebasing: bytes[start..<min(bytes.count, start + maxPartHeaderBytes + 2)])
        var index = 0
        while true {
            guard index + 1 < window.count else { throw MultipartError.malformed("part headers too long or unterminated") }
            if window[index] == ByteClass.cr && window[index + 1] == ByteClass.lf { return (headers, start + index + 2) }
            switch HTTPRequestHeadParser.parseField(window, at: index, sectionStart: 0, limits: limits) {
            case .incomplete: throw MultipartError.malformed("part headers too long or unterminated")
            case .failure: throw MultipartError.malformed("invalid part header")
            case .field(let name, let value, let next):
                if headers.count == 50 { throw MultipartError.malformed("too many part headers") }
                headers.add(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
                index = next
            }
        }
    }

    /// `UTF-8''percent-encoded` (RFC 8187); other charsets are not decoded.
    private static func decodeExtendedValue(_ value: String) -> String? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        var encoded = String(pieces[2])
        return encoded.withUTF8 { PercentDecoding.decodeComponent(UnsafeRawBufferPointer($0)[...], plusAsSpace: false) }
    }

    /// The first offset of `needle` in `bytes` at or after `start`.
    static func search(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let first = needle.first, let base = bytes.baseAddress, bytes.count >= needle.count else { return nil }
        let last = bytes.count - needle.count
        var index = start
        while index <= last {
            // memchr finds candidates at memory speed; uploads are megabytes.
            guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            index = base.distance(to: UnsafeRawPointer(hit))
            var matched = 1
            while matched < needle.count && bytes[index + matched] == needle[matched] { matched += 1 }
            if matched == needle.count { return index }
            index += 1
        }
        return nil
    }
}

/// A header value with `;`-separated parameters, such as `form-data; name="file"` or
/// `multipart/form-data; boundary=x` (RFC 9110 §5.6.6). Parameter names are lowercased;
/// quoted values are unquoted.
struct HeaderParameters {
    var value: String
    var parameters: [String: String]

    static func parse(_ text: String) -> HeaderParameters {
        let characters = Array(text)
        var index = 0
        func skipSpaces() { while index < characters.count && (characters[index] == " " || characters[index] == "\t") { index += 1 } }
        var value = ""
        while index < characters.count && characters[index] != ";" { value.append(characters[index]); index += 1 }
        var parameters: [String: String] = [:]
        while index < characters.count {
            index += 1  // the ";"
            skipSpaces()
            var name = ""
            while index < characters.count && characters[index] != "=" && characters[index] != ";" {
                name.append(characters[index]); index += 1
            }
            name = name.trimmingSpaces().lowercased()
            guard index < characters.count, characters[index] == "=" else { continue }
            index += 1
            skipSpaces()
            var parameterValue = ""
            if index < characters.count && characters[index] == "\"" {
                index += 1
                while index < characters.count && characters[index] != "\"" {
                    if characters[index] == "\\" && index + 1 < characters.count { index += 1 }
                    parameterValue.append(characters[index]); index += 1
                }
                index += 1
                while index < characters.count && characters[index] != ";" { index += 1 }
            } else {
                while index < characters.count && characters[index] != ";" { parameterValue.append(characters[index]); index += 1 }
                parameterValue = parameterValue.trimmingSpaces()
            }
            if !name.isEmpty && parameters[name] == nil { parameters[name] = parameterValue }
        }
        return HeaderParameters(value: value.trimmingSpaces(), parameters: parameters)
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " || slice.first == "\t" { slice = slice.dropFirst() }
        while slice.last == " " || slice.last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
