import Foundation

/// The rules of the documents feature. Reads by id go through the cache; writes validate their
/// input and invalidate the cached copy (in this process).
///
/// Lists reuse the total of their filter for a short time: counting every matching row is most
/// of a list's cost, while the page itself is always read fresh. Any write in this process
/// forgets every total at once, so a single instance always reports exact totals; writes by
/// other instances show in the totals after at most the totals' time to live.
public final class DocumentService: Sendable {
    let repository: any DocumentRepository
    let cache: TTLCache<UUID, Document>
    let listTotals: TTLCache<DocumentFilter, Int>

    public init(repository: any DocumentRepository, cache: TTLCache<UUID, Document>,
                listTotals: TTLCache<DocumentFilter, Int> = TTLCache(capacity: 0, timeToLive: 0)) {
        self.repository = repository
        self.cache = cache
        self.listTotals = listTotals
    }

    public static func notFound(_ id: UUID) -> AppError {
        .notFound("Document not found: \(id.uuidString.lowercased())")
    }

    public func get(id: UUID) throws -> Document {
        if let cached = cache.value(for: id) { return cached }
        let generation = cache.generation(for: id)
        guard let document = try repository.find(id: id) else { throw Self.notFound(id) }
        cache.insert(document, for: id, ifGeneration: generation)
        return document
    }

    public func find(sha256: String) throws -> Document? { try repository.find(sha256: sha256) }

    public func list(_ query: DocumentListQuery) throws -> DocumentPage {
        let filter = DocumentFilter(status: query.status, label: query.label)
        if let total = listTotals.value(for: filter) { return try repository.list(query, knownTotal: total) }
        let generation = listTotals.generation(for: filter)
        let page = try repository.list(query, knownTotal: nil)
        listTotals.insert(page.total, for: filter, ifGeneration: generation)
        return page
    }

    public func create(_ document: NewDocument) throws -> Document {
        let document = try document.validated()
        defer { listTotals.removeAll() }
        return try repository.create(document)
    }

    public func replace(id: UUID, with document: NewDocument) throws -> Document {
        let document = try document.validated()
        defer { invalidate(id) }
        guard let stored = try repository.replace(id: id, with: document) else { throw Self.notFound(id) }
        return stored
    }

    public func update(id: UUID, with changes: DocumentChanges) throws -> Document {
        let changes = try changes.validated()
        defer { invalidate(id) }
        guard let stored = try repository.update(id: id, with: changes) else { throw Self.notFound(id) }
        return stored
    }

    /// After a write (even a failed one: it may have changed rows before failing).
    private func invalidate(_ id: UUID) {
        cache.invalidate(id)
        listTotals.removeAll()
    }

    public func delete(id: UUID) throws {
        defer { invalidate(id) }
        guard try repository.delete(id: id) else { throw Self.notFound(id) }
    }
}
