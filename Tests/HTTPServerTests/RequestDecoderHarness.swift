@testable import HTTPServer

/// Drives an `HTTPRequestDecoder` over some input, the way a connection does, and records
/// what came out. Used by the table-driven parser tests and mirrors the fuzz entry point.
enum DecodeEvent: Equatable {
    case request(method: String, path: String, body: String, keepAlive: Bool)
    case sendContinue
    case failure(status: Int)
}

struct DecodeRun {
    var events: [DecodeEvent] = []
    var requests: [HTTPRequest] = []
}

enum RequestDecoderHarness {
    /// Feeds `input` in pieces of `pieceSize` bytes (all at once when nil) and collects events
    /// until the decoder needs more input after the last piece or fails.
    static func run(_ input: [UInt8], pieceSize: Int? = nil, limits: HTTPParserLimits = HTTPParserLimits()) -> DecodeRun {
        var decoder = HTTPRequestDecoder(limits: limits)
        let buffer = InputBuffer()
        var run = DecodeRun()
        var offset = 0
        let step = pieceSize ?? max(input.count, 1)
        repeat {
            let end = min(input.count, offset + step)
            buffer.append(Array(input[offset..<end]))
            offset = end
            decoding: while true {
                switch decoder.next(from: buffer, remoteAddress: "127.0.0.1") {
                case .needMore:
                    break decoding
                case .sendContinue:
                    run.events.append(.sendContinue)
                case .failure(let error):
                    run.events.append(.failure(status: error.status.code))
                    return run
                case .request(let request, let keepAlive):
                    run.requests.append(request)
                    run.events.append(.request(method: request.method.rawValue, path: request.path,
                                               body: String(decoding: request.body, as: UTF8.self), keepAlive: keepAlive))
                }
            }
        } while offset < input.count
        return run
    }

    static func run(_ text: String, pieceSize: Int? = nil, limits: HTTPParserLimits = HTTPParserLimits()) -> DecodeRun {
        run(Array(text.utf8), pieceSize: pieceSize, limits: limits)
    }
}
