import Foundation

/// A document to create, or the full replacement for one (PUT).
public struct NewDocument: Sendable, Equatable {
    public var filename: String
    public var status: DocumentStatus
    /// Always a JSON object.
    public var fields: JSONObject
    public var labels: [String]
    public var source: DocumentSource?

    public init(filename: String, status: DocumentStatus = .pending, fields: JSONObject = JSONObject(),
                labels: [String] = [], source: DocumentSource? = nil) {
        self.filename = filename; self.status = status; self.fields = fields; self.labels = labels
        self.source = source
    }

    /// Checks the rules every stored document follows and folds duplicate labels.
    public func validated() throws -> NewDocument {
        try DocumentRules.checkFilename(filename)
        try DocumentRules.checkFields(fields)
        var copy = self
        copy.labels = try DocumentRules.foldedLabels(labels)
        return copy
    }
}

/// The members a PATCH changes; nil members stay as they are.
public struct DocumentChanges: Sendable, Equatable {
    public var filename: String?
    public var status: DocumentStatus?
    /// A JSON Merge Patch (RFC 7396) for the stored fields.
    public var fieldsPatch: JSONObject?
    /// Replaces the whole label set.
    public var labels: [String]?

    public init(filename: String? = nil, status: DocumentStatus? = nil, fieldsPatch: JSONObject? = nil,
                labels: [String]? = nil) {
        self.filename = filename; self.status = status; self.fieldsPatch = fieldsPatch; self.labels = labels
    }

    public var isEmpty: Bool { filename == nil && status == nil && fieldsPatch == nil && labels == nil }

    public func validated() throws -> DocumentChanges {
        if isEmpty { throw AppError.validation("Invalid body: no members to change (give filename, status, fields or labels)") }
        if let filename { try DocumentRules.checkFilename(filename) }
        if let fieldsPatch { try DocumentRules.checkFields(fieldsPatch) }
        var copy = self
        copy.labels = try labels.map(DocumentRules.foldedLabels)
        return copy
    }
}

/// The rules on document members; messages name the member and what it accepts.
enum DocumentRules {
    static let filenameLength = 1...255
    static let labelLength = 1...64
    static let maximumLabels = 50

    static func checkFilename(_ filename: String) throws {
        guard filenameLength.contains(filename.unicodeScalars.count) else {
            throw AppError.validation("Invalid body: filename: expected a string of 1 to 255 characters")
        }
        if filename.utf8.contains(0) {
            throw AppError.validation("Invalid body: filename: must not contain the NUL character (U+0000)")
        }
    }

    static func checkFields(_ fields: JSONObject) throws {
        if JSONValue.object(fields).containsNulCharacter {
            throw AppError.validation("Invalid body: fields: must not contain the NUL character (U+0000)")
        }
    }

    /// At most 50 labels (counted before folding), each 1–64 characters without U+0000;
    /// duplicates folded, first occurrence kept.
    static func foldedLabels(_ labels: [String]) throws -> [String] {
        guard labels.count <= maximumLabels else {
            throw AppError.validation("Invalid body: labels: expected at most \(maximumLabels) labels, got \(labels.count)")
        }
        var seen = Set<String>()
        var folded: [String] = []
        for (position, label) in labels.enumerated() {
            try checkLabel(label, at: "labels[\(position)]")
            if seen.insert(label).inserted { folded.append(label) }
        }
        return folded
    }

    static func checkLabel(_ label: String, at location: String) throws {
        guard labelLength.contains(label.unicodeScalars.count), !label.utf8.contains(0) else {
            throw AppError.validation("Invalid body: \(location): expected a label of 1 to 64 characters (no U+0000)")
        }
    }

    /// Labels in the order the API returns them: by code point (UTF-8 byte order).
    static func sorted(_ labels: [String]) -> [String] {
        labels.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// Reads request bodies into `NewDocument` / `DocumentChanges`. Members of the wrong type are
/// 400s naming the member; unknown members are ignored.
enum DocumentBodyDecoder {
    static func parseObject(_ body: [UInt8]) throws -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch let error as JSONParser.SyntaxError {
            throw AppError.validation("Invalid JSON: \(error.reason) (at byte \(error.offset))")
        }
        guard let object = value.objectValue else { throw AppError.validation("Request body must be a JSON object") }
        return object
    }

    /// POST and PUT: `filename` required; the other members default (PUT resets them).
    static func newDocument(from body: [UInt8]) throws -> NewDocument {
        let object = try parseObject(body)
        guard let filenameValue = object["filename"] else {
            throw AppError.validation("Invalid body: filename: required, a string of 1 to 255 characters")
        }
        var document = NewDocument(filename: try string(filenameValue, "filename"))
        if let status = object["status"] { document.status = try self.status(status) }
        if let fields = object["fields"] { document.fields = try self.fields(fields) }
        if let labels = object["labels"] { document.labels = try self.labels(labels) }
        return document
    }

    /// PATCH: only present members; none may be null (inside `fields`, null removes a key).
    static func changes(from body: [UInt8]) throws -> DocumentChanges {
        let object = try parseObject(body)
        let known = ["filename", "status", "fields", "labels"]
        let nulls = known.filter { object[$0] == .null }
        if !nulls.isEmpty { throw AppError.validation("Invalid body: members may not be null: \(nulls.joined(separator: ", "))") }
        var changes = DocumentChanges()
        if let filename = object["filename"] { changes.filename = try string(filename, "filename") }
        if let status = object["status"] { changes.status = try self.status(status) }
        if let fields = object["fields"] { changes.fieldsPatch = try self.fields(fields) }
        if let labels = object["labels"] { changes.labels = try self.labels(labels) }
        return changes
    }

    private static func string(_ value: JSONValue, _ member: String) throws -> String {
        guard case .string(let text) = value else {
            throw AppError.validation("Invalid body: \(member): expected a string, got \(value.kindDescription)")
        }
        return text
    }

    private static func status(_ value: JSONValue) throws -> DocumentStatus {
        guard case .string(let text) = value, let status = DocumentStatus(rawValue: text) else {
            throw AppError.validation("Invalid body: status: expected \(DocumentStatus.accepted)")
        }
        return status
    }

    private static func fields(_ value: JSONValue) throws -> JSONObject {
        guard let object = value.objectValue else {
            throw AppError.validation("Invalid body: fields: expected an object, got \(value.kindDescription)")
        }
        return object
    }

    private static func labels(_ value: JSONValue) throws -> [String] {
        guard case .array(let items) = value else {
            throw AppError.validation("Invalid body: labels: expected an array of strings, got \(value.kindDescription)")
        }
        return try items.enumerated().map { position, item in
            guard case .string(let label) = item else {
                throw AppError.validation("Invalid body: labels[\(position)]: expected a string, got \(item.kindDescription)")
            }
            return label
        }
    }
}
