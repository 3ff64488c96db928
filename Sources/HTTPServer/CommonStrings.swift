#if canImport(Glibc)
import Glibc
#endif

/// Strings for the methods and field names nearly every request carries, so the parser can
/// hand out an existing string instead of validating and building a new one each time.
enum CommonStrings {
    static func method(_ bytes: UnsafeRawBufferPointer.SubSequence) -> HTTPMethod {
        switch bytes.count {
        case 3 where matches(bytes, "GET"): return .get
        case 3 where matches(bytes, "PUT"): return .put
        case 4 where matches(bytes, "POST"): return .post
        case 4 where matches(bytes, "HEAD"): return .head
        case 5 where matches(bytes, "PATCH"): return .patch
        case 6 where matches(bytes, "DELETE"): return .delete
        case 7 where matches(bytes, "OPTIONS"): return .options
        default: return HTTPMethod(rawValue: String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The field name as sent; common spellings come from literals.
    static func headerName(_ bytes: UnsafeRawBufferPointer.SubSequence) -> String {
        switch bytes.count {
        case 4 where matches(bytes, "Host"): return "Host"
        case 4 where matches(bytes, "host"): return "host"
        case 6 where matches(bytes, "Accept"): return "Accept"
        case 6 where matches(bytes, "Expect"): return "Expect"
        case 10 where matches(bytes, "User-Agent"): return "User-Agent"
        case 10 where matches(bytes, "Connection"): return "Connection"
        case 12 where matches(bytes, "Content-Type"): return "Content-Type"
        case 13 where matches(bytes, "Authorization"): return "Authorization"
        case 14 where matches(bytes, "Content-Length"): return "Content-Length"
        case 15 where matches(bytes, "Accept-Encoding"): return "Accept-Encoding"
        case 17 where matches(bytes, "Transfer-Encoding"): return "Transfer-Encoding"
        default: return String(decoding: bytes, as: UTF8.self)
        }
    }

    @inline(__always)
    private static func matches(_ bytes: UnsafeRawBufferPointer.SubSequence, _ literal: StaticString) -> Bool {
        memcmp(bytes.base.baseAddress! + bytes.startIndex, literal.utf8Start, literal.utf8CodeUnitCount) == 0
    }
}
