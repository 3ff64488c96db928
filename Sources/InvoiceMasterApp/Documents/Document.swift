import Foundation

public enum DocumentStatus: String, CaseIterable, Sendable {
    case pending, processing, processed, failed

    static let accepted = "one of " + allCases.map(\.rawValue).joined(separator: ", ")
}

/// A stored document as the API returns it.
public struct Document: Sendable, Equatable {
    public var id: UUID
    public var filename: String
    public var status: DocumentStatus
    /// The `fields` object as JSON text, exactly as PostgreSQL returned the jsonb value.
    public var fieldsJSON: String
    /// Sorted by code point, each once.
    public var labels: [String]
    /// ISO 8601 in UTC with microseconds and `Z` (`2024-05-01T12:00:00.123456Z`), formatted by
    /// the database so no precision is lost on the way.
    public var createdAt: String
    public var updatedAt: String

    public init(id: UUID, filename: String, status: DocumentStatus, fieldsJSON: String, labels: [String],
                createdAt: String, updatedAt: String) {
        self.id = id; self.filename = filename; self.status = status; self.fieldsJSON = fieldsJSON
        self.labels = labels; self.createdAt = createdAt; self.updatedAt = updatedAt
    }
}

extension Document: JSONEncodable {
    /// `{"id","filename","status","fields","labels","created_at","updated_at"}`.
    public func encode(to writer: inout JSONWriter) {
        writer.raw("{\"id\":")
        writer.string(id.uuidString.lowercased())
        writer.raw(",\"filename\":")
        writer.string(filename)
        writer.raw(",\"status\":")
        writer.string(status.rawValue)
        writer.raw(",\"fields\":")
        writer.rawJSON(fieldsJSON)
        writer.raw(",\"labels\":")
        writer.stringArray(labels)
        writer.raw(",\"created_at\":")
        writer.string(createdAt)
        writer.raw(",\"updated_at\":")
        writer.string(updatedAt)
        writer.raw("}")
    }
}

/// One page of a list, with the number of documents matching the filters.
public struct DocumentPage: Sendable, Equatable {
    public var documents: [Document]
    public var total: Int

    public init(documents: [Document], total: Int) {
        self.documents = documents
        self.total = total
    }
}

extension Array: JSONEncodable where Element == Document {
    public func encode(to writer: inout JSONWriter) {
        writer.raw("[")
        for (position, document) in enumerated() {
            if position > 0 { writer.comma() }
            document.encode(to: &writer)
        }
        writer.raw("]")
    }
}

/// Where an uploaded document came from; nil for documents created through the JSON API.
public struct DocumentSource: Sendable, Equatable {
    /// Lowercase hex SHA-256 of the uploaded bytes; unique among documents.
    public var sha256: String
    public var pageCount: Int?
    public var contentType: String?

    public init(sha256: String, pageCount: Int?, contentType: String?) {
        self.sha256 = sha256; self.pageCount = pageCount; self.contentType = contentType
    }
}
