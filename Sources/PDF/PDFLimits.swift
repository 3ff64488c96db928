/// Bounds that keep a hostile file from crashing, hanging or exhausting memory.
/// Each one, when passed, fails with its own `PDFError` case.
public struct PDFLimits: Sendable {
    /// Nesting of arrays/dictionaries in one object, and of Form XObjects.
    public var maxNestingDepth: Int = 64
    /// Indirect objects the cross-reference (or a repair scan) may declare.
    public var maxObjectCount: Int = 1_000_000
    /// Bytes produced by decoding the streams of one document, in total.
    public var maxDecompressedBytes: Int = 256 * 1024 * 1024
    /// Bytes one stream may decode to.
    public var maxStreamBytes: Int = 64 * 1024 * 1024
    /// Content-stream operators interpreted over the whole document.
    public var maxContentOperators: Int = 5_000_000
    /// Wall-clock budget for opening and extracting one document, in seconds.
    public var timeBudgetSeconds: Double = 20
    public init() {}
}

/// Why a document could not be read. The API maps every case to 422 with `description`.
public enum PDFError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a PDF at all (no `%PDF-` header near the start).
    case notAPDF
    /// Encrypted, and the empty user password does not open it.
    case passwordRequired
    /// Encrypted with a handler or revision we do not implement.
    case unsupportedEncryption(String)
    /// Broken beyond repair.
    case malformed(String)
    case nestingTooDeep(limit: Int)
    case tooManyObjects(limit: Int)
    case decompressedSizeExceeded(limit: Int)
    case tooManyContentOperators(limit: Int)
    case timeBudgetExceeded(seconds: Double)

    public var description: String {
        switch self {
        case .notAPDF: return "not a PDF file"
        case .passwordRequired: return "the PDF is encrypted and needs a password"
        case .unsupportedEncryption(let what): return "unsupported PDF encryption: \(what)"
        case .malformed(let why): return "the PDF is damaged beyond repair: \(why)"
        case .nestingTooDeep(let limit): return "the PDF nests objects deeper than \(limit) levels"
        case .tooManyObjects(let limit): return "the PDF declares more than \(limit) objects"
        case .decompressedSizeExceeded(let limit): return "the PDF's streams decompress to more than \(limit) bytes"
        case .tooManyContentOperators(let limit): return "the PDF's pages hold more than \(limit) drawing operators"
        case .timeBudgetExceeded(let seconds): return "reading the PDF took longer than \(seconds) seconds"
        }
    }
}
