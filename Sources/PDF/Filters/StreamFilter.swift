/// The standard stream filters (§7.4), by full or inline-image abbreviated name.
enum StreamFilter: Equatable {
    case flate, lzw, asciiHex, ascii85, runLength
    /// Image codecs: recognised so they can be skipped — no text lives in them.
    case imageCodec(String)
    /// `/Crypt` (§7.4.10): decryption is handled by the security handler, the filter itself is a no-op here.
    case crypt

    init?(name: String) {
        switch name {
        case "FlateDecode", "Fl": self = .flate
        case "LZWDecode", "LZW": self = .lzw
        case "ASCIIHexDecode", "AHx": self = .asciiHex
        case "ASCII85Decode", "A85": self = .ascii85
        case "RunLengthDecode", "RL": self = .runLength
        case "DCTDecode", "DCT", "CCITTFaxDecode", "CCF", "JBIG2Decode", "JPXDecode": self = .imageCodec(name)
        case "Crypt": self = .crypt
        default: return nil
        }
    }
}

/// Applies a stream's `/Filter` chain with its `/DecodeParms` (§7.3.8.2).
enum FilterPipeline {
    /// Decodes `data`. `resolve` follows indirect references in the filter entries.
    /// Decoding stops before an image codec and returns the bytes that codec would consume.
    static func decode(_ data: [UInt8], dictionary: PDFDictionary, limit: OutputLimit,
                       resolve: (PDFObject) throws -> PDFObject) throws -> [UInt8] {
        let filters = try filterList(dictionary["Filter"], resolve: resolve)
        guard !filters.isEmpty else {
            try limit.check(data.count)
            return data
        }
        let parameters = try parameterList(dictionary["DecodeParms"], count: filters.count, resolve: resolve)
        var current = data
        for (index, name) in filters.enumerated() {
            guard let filter = StreamFilter(name: name) else {
                throw PDFError.malformed("unsupported stream filter /\(name)")
            }
            current = try apply(filter, to: current, parameters: parameters[index], limit: limit)
            if case .imageCodec = filter { break }
        }
        return current
    }

    static func apply(_ filter: StreamFilter, to data: [UInt8], parameters: PDFDictionary?, limit: OutputLimit) throws -> [UInt8] {
        switch filter {
        case .flate:
            let inflated = try FlateDecoder.decode(data, limit: limit)
            return try PredictorDecoder(parameters: parameters)?.decode(inflated) ?? inflated
        case .lzw:
            let early = (parameters?["EarlyChange"]?.intValue ?? 1) != 0
            let expanded = try LZWDecoder.decode(data, earlyChange: early, limit: limit)
            return try PredictorDecoder(parameters: parameters)?.decode(expanded) ?? expanded
        case .asciiHex:
            return ASCIIHexDecoder.decode(data)
        case .ascii85:
            return try ASCII85Decoder.decode(data, limit: limit)
        case .runLength:
            return try RunLengthDecoder.decode(data, limit: limit)
        case .imageCodec, .crypt:
            return data
        }
    }

    /// Whether the chain ends in an image codec, i.e. the stream holds pixels, not text.
    static func isImageCoded(_ dictionary: PDFDictionary, resolve: (PDFObject) throws -> PDFObject) -> Bool {
        guard let filters = try? filterList(dictionary["Filter"], resolve: resolve) else { return false }
        return filters.contains { if case .imageCodec = StreamFilter(name: $0) { return true }; return false }
    }

    private static func filterList(_ entry: PDFObject?, resolve: (PDFObject) throws -> PDFObject) throws -> [String] {
        guard let entry else { return [] }
        switch try resolve(entry) {
        case .name(let n): return [n]
        case .array(let items):
            return try items.prefix(16).compactMap { try resolve($0).nameValue }
        default: return []
        }
    }

    private static func parameterList(_ entry: PDFObject?, count: Int, resolve: (PDFObject) throws -> PDFObject) throws -> [PDFDictionary?] {
        var result = [PDFDictionary?](repeating: nil, count: count)
        guard let entry else { return result }
        switch try resolve(entry) {
        case .dictionary(let d):
            result[0] = try resolvedValues(d, resolve: resolve)
        case .array(let items):
            for (i, item) in items.prefix(count).enumerated() {
                if case .dictionary(let d) = try resolve(item) { result[i] = try resolvedValues(d, resolve: resolve) }
            }
        default: break
        }
        return result
    }

    /// Parameter values may themselves be indirect (`/Columns 12 0 R`).
    private static func resolvedValues(_ d: PDFDictionary, resolve: (PDFObject) throws -> PDFObject) throws -> PDFDictionary {
        var out = d
        for (key, value) in d.entries where value.referenceValue != nil { out[key] = try resolve(value) }
        return out
    }
}
