// libFuzzer entry point over the HTTP request parser, built by scripts/fuzz-http together with
// the parser sources and Tests/HTTPServerTests/RequestDecoderHarness.swift (not a test target).
//
// Beyond "no crash, no memory error", it checks one property: feeding the same bytes whole or
// in arbitrary pieces must give the same requests and errors, since TCP may split them anywhere
// (an error in an unfinished line may be reported only when more bytes come).
// A failed check is a crash, so libFuzzer saves the input.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    var limits = HTTPParserLimits()
    limits.maxBodyBytes = 64 * 1024  // small enough for the fuzzer to reach 413 paths

    let whole = RequestDecoderHarness.run(input, limits: limits)
    let pieceSize = size > 0 ? Int(input[size - 1] % 13) + 1 : 1
    let pieces = RequestDecoderHarness.run(input, pieceSize: pieceSize, limits: limits)
    // `100 Continue` is offered only when the body has not arrived yet, so it may differ.
    let wholeEvents = whole.events.filter { $0 != .sendContinue }
    let pieceEvents = pieces.events.filter { $0 != .sendContinue }
    // An error inside an unfinished line may be noticed only once the line ends; anything
    // else must match exactly.
    let deferredFailure = wholeEvents.last.map { if case .failure = $0 { return true } else { return false } } ?? false
    if wholeEvents != pieceEvents && !(deferredFailure && pieceEvents == Array(wholeEvents.dropLast())) {
        fatalError("split input decoded differently: \(wholeEvents) vs \(pieceEvents) (pieces of \(pieceSize))")
    }
    for request in whole.requests where !(request.path.hasPrefix("/") || request.path == "*") {
        fatalError("path does not start with /: \(request.path)")
    }

    // The body parsers see attacker bytes too.
    _ = FormURLEncoded.parse(input)
    _ = try? MultipartParser.parse(body: input, boundary: "fuzz", maxPartBytes: 4096, maxParts: 50)
    return 0
}
