import Foundation

/// Storage of documents and their labels. Each write is atomic: a failure part-way leaves the
/// stored state as it was.
public protocol DocumentRepository: Sendable {
    func find(id: UUID) throws -> Document?
    /// The document uploaded with these bytes, if any.
    func find(sha256: String) throws -> Document?
    /// A page with labels; counts the matching documents unless `knownTotal` is given (then it
    /// is returned as the total).
    func list(_ query: DocumentListQuery, knownTotal: Int?) throws -> DocumentPage
    /// Stores a validated document. A `source.sha256` already stored → `AppError` conflict.
    func create(_ document: NewDocument) throws -> Document
    /// Replaces every member but the source; nil when there is no such document.
    func replace(id: UUID, with document: NewDocument) throws -> Document?
    /// Applies validated changes (fields as a merge patch) under a row lock; nil when missing.
    func update(id: UUID, with changes: DocumentChanges) throws -> Document?
    /// False when there was no such document.
    func delete(id: UUID) throws -> Bool
}
