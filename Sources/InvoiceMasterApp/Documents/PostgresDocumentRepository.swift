import Foundation
import Postgres

/// `DocumentRepository` over the connection pool.
public struct PostgresDocumentRepository: DocumentRepository {
    let pool: PostgresPool
    private let creates: InsertBatcher<NewDocument, Document>?

    /// `batchCreates`: concurrent creates share multi-row inserts (see `InsertBatcher`), at most
    /// half the pool's connections at a time, so reads keep connections of their own.
    public init(pool: PostgresPool, batchCreates: Bool = true) {
        self.pool = pool
        guard batchCreates else { creates = nil; return }
        creates = InsertBatcher(
            maxBatchSize: 64, maxConcurrentBatches: max(1, pool.configuration.maxConnections / 2),
            failsEveryInsert: { ($0 as? PostgresError)?.isUnavailable == true },
            insertOne: { [pool] in try Self.insertOne($0, pool: pool) },
            insertMany: { [pool] in try Self.insertMany($0, pool: pool) })
    }

    public func find(id: UUID) throws -> Document? {
        try pool.withConnection { connection in
            try connection.query(DocumentSQL.selectOne, [.uuid(id)]).first.map { try Self.document(from: $0) }
        }
    }

    public func find(sha256: String) throws -> Document? {
        try pool.withConnection { connection in
            try connection.query(DocumentSQL.selectBySHA256, [.text(sha256)]).first.map { try Self.document(from: $0) }
        }
    }

    public func list(_ query: DocumentListQuery, knownTotal: Int?) throws -> DocumentPage {
        let (sql, names) = DocumentSQL.list(query, countTotal: knownTotal == nil)
        let parameters: [PostgresValue] = names.map { name in
            switch name {
            case .status: return .text(query.status?.rawValue ?? "")
            case .label: return .text(query.label ?? "")
            case .limit: return .int(query.limit)
            case .offset: return .int(query.offset)
            }
        }
        let rows = try pool.withConnection { try $0.query(sql, parameters) }
        guard let first = rows.first else { return DocumentPage(documents: [], total: knownTotal ?? 0) }
        let total = try knownTotal ?? first.int(0)
        // An empty page is one row of NULLs next to the total.
        if try first.isNull(1) { return DocumentPage(documents: [], total: total) }
        let documents = try rows.map { try Self.document(from: $0, offset: 1) }
        return DocumentPage(documents: documents, total: total)
    }

    public func create(_ document: NewDocument) throws -> Document {
        if let creates { return try creates.insert(document) }
        return try Self.insertOne(document, pool: pool)
    }

    static func insertOne(_ document: NewDocument, pool: PostgresPool) throws -> Document {
        let source = document.source
        let parameters: [PostgresValue] = [
            .text(document.filename), .text(document.status.rawValue), .jsonb(JSONValue.object(document.fields).jsonText),
            source.map { .text($0.sha256) } ?? .null,
            source?.pageCount.map { .int($0) } ?? .null,
            source?.contentType.map { .text($0) } ?? .null,
            .textArray(document.labels),
        ]
        let row = try pool.withConnection { connection in
            try connection.query(DocumentSQL.insert, parameters).first
        }
        guard let row else { throw PostgresError.decodingFailed("INSERT returned no row") }
        return try Self.document(from: row, labels: DocumentRules.sorted(document.labels))
    }

    /// Inserts all `documents` in one statement (ids made here, so rows map back to inputs).
    static func insertMany(_ documents: [NewDocument], pool: PostgresPool) throws -> [Document] {
        let ids = documents.map { _ in UUID() }
        var labelOwners: [String] = []
        var labels: [String] = []
        for (id, document) in zip(ids, documents) {
            let text = id.uuidString
            for label in document.labels {
                labelOwners.append(text)
                labels.append(label)
            }
        }
        let parameters: [PostgresValue] = [
            .textArray(ids.map(\.uuidString)),
            .textArray(documents.map(\.filename)),
            .textArray(documents.map(\.status.rawValue)),
            .textArray(documents.map { JSONValue.object($0.fields).jsonText }),
            .textArray(documents.map { $0.source?.sha256 ?? "" }),
            .textArray(documents.map { $0.source?.pageCount.map(String.init) ?? "" }),
            .textArray(documents.map { $0.source?.contentType ?? "" }),
            .textArray(labelOwners),
            .textArray(labels),
        ]
        let rows = try pool.withConnection { try $0.query(DocumentSQL.insertMany, parameters) }
        var stored: [UUID: Document] = [:]
        for row in rows {
            let document = try Self.document(from: row, labels: [])
            stored[document.id] = document
        }
        return try zip(ids, documents).map { id, input in
            guard var document = stored[id] else { throw PostgresError.decodingFailed("INSERT returned no row for \(id)") }
            document.labels = DocumentRules.sorted(input.labels)
            return document
        }
    }

    public func replace(id: UUID, with document: NewDocument) throws -> Document? {
        try pool.withTransaction { connection in
            let rows = try connection.query(DocumentSQL.replace, [
                .uuid(id), .text(document.filename), .text(document.status.rawValue),
                .jsonb(JSONValue.object(document.fields).jsonText),
            ])
            guard let row = rows.first else { return nil }
            try Self.setLabels(document.labels, of: id, on: connection)
            return try Self.document(from: row, labels: DocumentRules.sorted(document.labels))
        }
    }

    public func update(id: UUID, with changes: DocumentChanges) throws -> Document? {
        try pool.withTransaction { connection in
            guard let locked = try connection.query(DocumentSQL.lockFields, [.uuid(id)]).first else { return nil }
            var fields: PostgresValue = .null
            if let patch = changes.fieldsPatch {
                let stored = try JSONParser.parse(try locked.string(0))
                fields = .jsonb(stored.mergePatched(with: .object(patch)).jsonText)
            }
            try connection.query(DocumentSQL.update, [
                .uuid(id), changes.filename.map { .text($0) } ?? .null,
                changes.status.map { .text($0.rawValue) } ?? .null, fields,
            ])
            if let labels = changes.labels { try Self.setLabels(labels, of: id, on: connection) }
            guard let row = try connection.query(DocumentSQL.selectOne, [.uuid(id)]).first else { return nil }
            return try Self.document(from: row)
        }
    }

    public func delete(id: UUID) throws -> Bool {
        try pool.withConnection { try $0.query(DocumentSQL.delete, [.uuid(id)]).affectedRows > 0 }
    }

    private static func setLabels(_ labels: [String], of id: UUID, on connection: PostgresConnection) throws {
        try connection.query(DocumentSQL.removeOtherLabels, [.uuid(id), .textArray(labels)])
        if !labels.isEmpty { try connection.query(DocumentSQL.addLabels, [.uuid(id), .textArray(labels)]) }
    }

    /// Reads the columns of `DocumentSQL.documentColumns` starting at `offset`, then the labels
    /// (from the next column unless given).
    static func document(from row: PostgresRow, offset: Int = 0, labels: [String]? = nil) throws -> Document {
        let statusText = try row.string(offset + 2)
        guard let status = DocumentStatus(rawValue: statusText) else {
            throw PostgresError.decodingFailed("unknown document status '\(statusText)'")
        }
        return Document(
            id: try row.uuid(offset), filename: try row.string(offset + 1), status: status,
            fieldsJSON: try row.string(offset + 3), labels: try labels ?? row.textArray(offset + 6),
            createdAt: try row.string(offset + 4), updatedAt: try row.string(offset + 5))
    }
}
