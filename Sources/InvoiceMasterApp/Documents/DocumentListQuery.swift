import Foundation

/// A sortable column; the SQL column name comes from here only, never from the request.
public enum DocumentSortField: String, CaseIterable, Sendable {
    case createdAt = "created_at"
    case updatedAt = "updated_at"
    case filename
    case status

    var column: String { rawValue }
}

public struct DocumentSort: Equatable, Sendable {
    public var field: DocumentSortField
    public var descending: Bool

    public init(field: DocumentSortField, descending: Bool) {
        self.field = field
        self.descending = descending
    }

    public static let newestFirst = DocumentSort(field: .createdAt, descending: true)

    /// `created_at`, `-created_at`, ...
    public init?(parameter: String) {
        let descending = parameter.hasPrefix("-")
        guard let field = DocumentSortField(rawValue: descending ? String(parameter.dropFirst()) : parameter) else {
            return nil
        }
        self.init(field: field, descending: descending)
    }
}

/// The filters of a list: what its total counts.
public struct DocumentFilter: Hashable, Sendable {
    public var status: DocumentStatus?
    public var label: String?
}

/// The filters, order and page of `GET /documents`.
public struct DocumentListQuery: Equatable, Sendable {
    public var status: DocumentStatus?
    public var label: String?
    public var sort: DocumentSort
    public var limit: Int
    public var offset: Int

    public static let limitRange = 1...100

    public init(status: DocumentStatus? = nil, label: String? = nil, sort: DocumentSort = .newestFirst,
                limit: Int = 20, offset: Int = 0) {
        self.status = status; self.label = label; self.sort = sort; self.limit = limit; self.offset = offset
    }

    /// What each parameter accepts, for error messages.
    static let accepts: [String: String] = [
        "status": DocumentStatus.accepted,
        "label": "a label of 1 to 64 characters (no U+0000)",
        "sort": "one of " + DocumentSortField.allCases.map(\.rawValue).joined(separator: ", ")
            + ", optionally prefixed with '-' for descending",
        "limit": "an integer from 1 to 100",
        "offset": "an integer >= 0",
    ]

    /// Reads the query parameters; an invalid one → 400 naming it and what it accepts.
    public init(parameters: (String) -> String?) throws {
        self.init()
        if let text = parameters("status") {
            guard let status = DocumentStatus(rawValue: text) else { throw Self.invalid("status", text) }
            self.status = status
        }
        if let text = parameters("label") {
            guard DocumentRules.labelLength.contains(text.unicodeScalars.count), !text.utf8.contains(0) else {
                throw Self.invalid("label", text)
            }
            label = text
        }
        if let text = parameters("sort") {
            guard let sort = DocumentSort(parameter: text) else { throw Self.invalid("sort", text) }
            self.sort = sort
        }
        if let text = parameters("limit") {
            guard let limit = Int(text), Self.limitRange.contains(limit) else { throw Self.invalid("limit", text) }
            self.limit = limit
        }
        if let text = parameters("offset") {
            guard let offset = Int(text), offset >= 0 else { throw Self.invalid("offset", text) }
            self.offset = offset
        }
    }

    static func invalid(_ name: String, _ value: String) -> AppError {
        AppError.validation("Invalid query parameter '\(name)': expected \(accepts[name] ?? "a valid value"), got \(quoted(value))")
    }

    /// The value as a JSON string, shortened for messages.
    static func quoted(_ value: String) -> String {
        let text = JSONValue.string(value).jsonText
        return text.count <= 80 ? text : String(text.prefix(77)) + "..."
    }
}
