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

    /// Writes the head and returns whether it announced keep-alive: an application
    /// `Connection: close` turns keep-alive off.
    @discardableResult
    static func write(status: HTTPStatus, headers: HTTPHeaders, framing: Framing, keepAlive: Bool,
                      dateLine: [UInt8], serverLine: [UInt8], into output: inout [UInt8]) -> Bool {
        var keepAlive = keepAlive
        appendStatusLine(status, into: &output)
        output.append(contentsOf: dateLine)
        var hasServer = false
        for field in headers.fields {
            switch field.name.utf8.count {
            case 4 where HTTPHeaders.equalsIgnoringCase(field.name, "date"): continue
            case 6 where HTTPHeaders.equalsIgnoringCase(field.name, "server"): hasServer = true
            case 10 where HTTPHeaders.equalsIgnoringCase(field.name, "connection"):
                if field.value.lowercased().contains("close") { keepAlive = false }
                continue
            case 14 where HTTPHeaders.equalsIgnoringCase(field.name, "content-length"): continue
            case 17 where HTTPHeaders.equalsIgnoringCase(field.name, "transfer-encoding"): continue
            default: break
            }
            appendField(field.name, field.value, into: &output)
        }
        if !hasServer { output.append(contentsOf: serverLine) }
        switch framing {
        case .contentLength(let length):
            append("Content-Length: ", into: &output)
            appendDecimal(length, into: &output)
            append("\r\n", into: &output)
        case .chunked:
            append("Transfer-Encoding: chunked\r\n", into: &output)
        case .untilClose, .noBody:
            break
        }
        append(keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n", into: &output)
        return keepAlive
    }

    /// A complete, body-less error response that closes the connection.
    static func writeError(_ status: HTTPStatus, body: RejectionBody? = nil, dateLine: [UInt8], serverLine: [UInt8],
                           into output: inout [UInt8]) {
        var headers = HTTPHeaders()
        if let body { headers.add(name: "Content-Type", value: body.contentType) }
        write(status: status, headers: headers, framing: .contentLength(body?.bytes.count ?? 0), keepAlive: false,
              dateLine: dateLine, serverLine: serverLine, into: &output)
        if let body { output.append(contentsOf: body.bytes) }
    }

    /// Appends a literal without creating a String or an array.
    @inline(__always)
    static func append(_ text: StaticString, into output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    static func appendStatusLine(_ status: HTTPStatus, into output: inout [UInt8]) {
        append("HTTP/1.1 ", into: &output)
        appendDecimal(status.code, into: &output)
        output.append(ByteClass.space)
        appendWithoutLineBreaks(status.reason, into: &output)
        append("\r\n", into: &output)
    }

    /// Appends a field, dropping CR and LF from name and value so an application value can
    /// never split the response (header injection).
    static func appendField(_ name: String, _ value: String, into output: inout [UInt8]) {
        appendWithoutLineBreaks(name, into: &output)
        append(": ", into: &output)
        appendWithoutLineBreaks(value, into: &output)
        append("\r\n", into: &output)
    }

    private static func appendWithoutLineBreaks(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            if bytes.contains(where: { $0 == ByteClass.cr || $0 == ByteClass.lf }) {
                for byte in bytes where byte != ByteClass.cr && byte != ByteClass.lf { output.append(byte) }
            } else {
                output.append(contentsOf: bytes)
            }
        }
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
        append("\r\n", into: &output)
    }
}
