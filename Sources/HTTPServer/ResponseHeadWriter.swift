/// Serialises response heads. The server owns the framing headers: whatever the application
/// put in `Content-Length`, `Transfer-Encoding`, `Connection` or `Date` is replaced.
enum ResponseHeadWriter {
    enum Framing {
        case contentLength(Int)
        case chunked
        /// HTTP/1.0 streaming: the body runs until the connection closes.
        case untilClose
        /// 1xx, 204 and 304 carry no body and no length.
        case noBody
    }

    static func write(status: HTTPStatus, headers: HTTPHeaders, framing: Framing, keepAlive: Bool,
                      dateLine: [UInt8], serverLine: [UInt8], into output: inout [UInt8]) {
        appendStatusLine(status, into: &output)
        output.append(contentsOf: dateLine)
        var hasServer = false
        for field in headers.fields {
            switch field.name.utf8.count {
            case 4 where HTTPHeaders.equalsIgnoringCase(field.name, "date"): continue
            case 6 where HTTPHeaders.equalsIgnoringCase(field.name, "server"): hasServer = true
            case 10 where HTTPHeaders.equalsIgnoringCase(field.name, "connection"): continue
            case 14 where HTTPHeaders.equalsIgnoringCase(field.name, "content-length"): continue
            case 17 where HTTPHeaders.equalsIgnoringCase(field.name, "transfer-encoding"): continue
            default: break
            }
            appendField(field.name, field.value, into: &output)
        }
        if !hasServer { output.append(contentsOf: serverLine) }
        switch framing {
        case .contentLength(let length):
            output.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(length, into: &output)
            output.append(contentsOf: crlf)
        case .chunked:
            output.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8)
        case .untilClose, .noBody:
            break
        }
        output.append(contentsOf: keepAlive ? "Connection: keep-alive\r\n\r\n".utf8 : "Connection: close\r\n\r\n".utf8)
    }

    /// A complete, body-less error response that closes the connection.
    static func writeError(_ status: HTTPStatus, dateLine: [UInt8], serverLine: [UInt8], into output: inout [UInt8]) {
        write(status: status, headers: HTTPHeaders(), framing: .contentLength(0), keepAlive: false,
              dateLine: dateLine, serverLine: serverLine, into: &output)
    }

    static let crlf: [UInt8] = [13, 10]

    static func appendStatusLine(_ status: HTTPStatus, into output: inout [UInt8]) {
        output.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(status.code, into: &output)
        output.append(ByteClass.space)
        output.append(contentsOf: status.reason.utf8)
        output.append(contentsOf: crlf)
    }

    /// Appends a field, dropping CR and LF from name and value so an application value can
    /// never split the response (header injection).
    static func appendField(_ name: String, _ value: String, into output: inout [UInt8]) {
        for byte in name.utf8 where byte != ByteClass.cr && byte != ByteClass.lf { output.append(byte) }
        output.append(contentsOf: ": ".utf8)
        for byte in value.utf8 where byte != ByteClass.cr && byte != ByteClass.lf { output.append(byte) }
        output.append(contentsOf: crlf)
    }

    static func appendDecimal(_ value: Int, into output: inout [UInt8]) {
        if value < 10 {
            output.append(UInt8(truncatingIfNeeded: 48 + value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var remaining = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while remaining > 0 {
                buffer[19 - count] = UInt8(truncatingIfNeeded: 48 + remaining % 10)
                remaining /= 10
                count += 1
            }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]))
        }
    }

    /// `chunk-size CRLF` for a chunk of `length` bytes.
    static func appendChunkHeader(_ length: Int, into output: inout [UInt8]) {
        var shift = (Int.bitWidth - length.leadingZeroBitCount + 3) / 4 * 4 - 4
        if shift < 0 { shift = 0 }
        while shift >= 0 {
            let digit = UInt8(truncatingIfNeeded: (length >> shift) & 0xF)
            output.append(digit < 10 ? 48 + digit : 87 + digit)
            shift -= 4
        }
        output.append(contentsOf: crlf)
    }
}
