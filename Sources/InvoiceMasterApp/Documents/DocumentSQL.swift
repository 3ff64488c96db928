/// The SQL of the PostgreSQL document repository. Every value travels as a parameter. The only
/// text spliced into a statement is typed so that nothing else can reach it: table aliases
/// (`Alias`), sort columns (`DocumentSortField`), sort directions and parameter positions. Each
/// combination is a fixed statement the pool prepares once per connection.
enum DocumentSQL {
    /// The table names and aliases the statements below use.
    enum Alias: String {
        case documents, d, p, w
    }

    /// ISO 8601 UTC with microseconds, formatted by PostgreSQL.
    static func utc(_ table: Alias, _ column: String) -> String {
        "to_char(\(table.rawValue).\(column) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
    }

    /// The labels of the document row `table`, sorted by code point (COLLATE "C") whatever the
    /// database's collation, so they match the order the service computes. A correlated ARRAY
    /// subquery in the same statement: for a page of rows it reads each document's labels from
    /// the primary-key index, and measured 1.4–2x cheaper for PostgreSQL than LEFT JOIN +
    /// GROUP BY + array_agg (pgbench, 20-row pages).
    static func labels(of table: Alias) -> String {
        "ARRAY(SELECT l.label FROM document_labels l WHERE l.document_id = \(table.rawValue).id ORDER BY l.label COLLATE \"C\")"
    }

    /// Columns read by `PostgresDocumentRepository.document(from:offset:)`, in this order.
    static func documentColumns(_ table: Alias) -> String {
        let t = table.rawValue
        return "\(t).id, \(t).filename, \(t).status, \(t).fields::text, "
            + "\(utc(table, "created_at")), \(utc(table, "updated_at"))"
    }

    static let selectOne = "SELECT \(documentColumns(.d)), \(labels(of: .d)) FROM documents d WHERE d.id = $1"

    static let selectBySHA256 = "SELECT \(documentColumns(.d)), \(labels(of: .d)) FROM documents d WHERE d.sha256 = $1"

    /// One statement for a page with its labels and the total: the count is a one-row derived
    /// table, the page a LATERAL subquery joined to it, so an empty page still yields the total.
    /// The page's ids are found first (through the indexes, reading no other column), then each
    /// id's row and labels are read by primary key.
    ///
    /// Shaped so PostgreSQL can keep one generic plan instead of planning every execution
    /// (planning cost as much as running it): a generic plan cannot see `LIMIT $n` and assumes
    /// 10% of the rows, which made it look dear (so PostgreSQL kept re-planning) and, when
    /// forced, picked a hash join over every document. Hence the ids window takes at most
    /// `DocumentListQuery.limitRange.upperBound` rows (a constant the planner sees) before the
    /// requested limit, and `OFFSET 0` keeps the row lookups a per-id index probe. With a status
    /// filter or none, the generic plan then costs less than a custom one and is chosen after
    /// PostgreSQL's five trial plans; a label filter's generic plan costs more, so it keeps
    /// custom plans, which adapt to how common the label is. `countTotal: false` leaves the
    /// count out (NULL total).
    static func list(_ query: DocumentListQuery, countTotal: Bool) -> (sql: String, parameters: [ListParameter]) {
        var conditions: [String] = []
        var parameters: [ListParameter] = []
        /// `$n` for the parameter just appended (positions, never values).
        func placeholder(_ parameter: ListParameter) -> String {
            parameters.append(parameter)
            return "$\(parameters.count)"
        }
        if query.status != nil {
            conditions.append("d.status = \(placeholder(.status))")
        }
        if query.label != nil {
            conditions.append("EXISTS (SELECT 1 FROM document_labels fl WHERE fl.document_id = d.id AND fl.label = \(placeholder(.label)))")
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limit = placeholder(.limit)
        let offset = placeholder(.offset)
        let column = query.sort.field.column
        let direction = query.sort.descending ? "DESC" : "ASC"
        func order(_ table: Alias) -> String {
            "\(table.rawValue).\(column) \(direction), \(table.rawValue).id \(direction)"
        }
        let window = DocumentListQuery.limitRange.upperBound
        let total = countTotal ? "SELECT count(*) AS total FROM documents d \(filter)" : "SELECT NULL::bigint AS total"
        let sql = """
            SELECT t.total, \(documentColumns(.p)), \(labels(of: .p))
            FROM (\(total)) t
            LEFT JOIN LATERAL (
                SELECT r.* FROM (
                    SELECT w.id FROM (
                        SELECT d.id, d.\(column) FROM documents d \(filter)
                        ORDER BY \(order(.d)) OFFSET \(offset) LIMIT \(window)
                    ) w ORDER BY \(order(.w)) LIMIT \(limit)
                ) page
                CROSS JOIN LATERAL (SELECT * FROM documents r WHERE r.id = page.id OFFSET 0) r
            ) p ON true
            ORDER BY \(order(.p))
            """
        return (sql, parameters)
    }

    enum ListParameter { case status, label, limit, offset }

    /// Inserts the document and its labels in one statement (one transaction, one round trip).
    static let insert = """
        WITH d AS (
            INSERT INTO documents (filename, status, fields, sha256, page_count, content_type)
            VALUES ($1, $2, $3::jsonb, $4, $5, $6) RETURNING *
        ), l AS (
            INSERT INTO document_labels (document_id, label) SELECT d.id, unnest($7::text[]) FROM d
        )
        SELECT \(documentColumns(.d)) FROM d
        """

    /// Several documents with ids chosen by the caller, and all their labels, in one statement.
    /// Parameters are parallel arrays; an empty string stands for NULL in sha256, page_count and
    /// content_type. $8/$9 pair each label with its document's id.
    static let insertMany = """
        WITH d AS (
            INSERT INTO documents (id, filename, status, fields, sha256, page_count, content_type)
            SELECT i.id::uuid, i.filename, i.status, i.fields::jsonb, NULLIF(i.sha256, ''),
                   NULLIF(i.page_count, '')::integer, NULLIF(i.content_type, '')
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                AS i(id, filename, status, fields, sha256, page_count, content_type)
            RETURNING *
        ), l AS (
            INSERT INTO document_labels (document_id, label)
            SELECT x.document_id::uuid, x.label FROM unnest($8::text[], $9::text[]) AS x(document_id, label)
        )
        SELECT \(documentColumns(.d)) FROM d
        """

    static let replace = """
        UPDATE documents SET filename = $2, status = $3, fields = $4::jsonb, updated_at = now()
        WHERE id = $1 RETURNING \(documentColumns(.documents))
        """

    /// Row lock first: the merge patch reads the stored fields, so two PATCHes must not interleave.
    static let lockFields = "SELECT fields::text FROM documents WHERE id = $1 FOR UPDATE"

    static let update = """
        UPDATE documents SET filename = COALESCE($2, filename), status = COALESCE($3, status),
            fields = COALESCE($4::jsonb, fields), updated_at = now()
        WHERE id = $1
        """

    /// Makes the label set exactly $2: drop the others, add the missing ones.
    static let removeOtherLabels = "DELETE FROM document_labels WHERE document_id = $1 AND label <> ALL($2::text[])"
    static let addLabels = """
        INSERT INTO document_labels (document_id, label) SELECT $1, unnest($2::text[])
        ON CONFLICT DO NOTHING
        """

    static let delete = "DELETE FROM documents WHERE id = $1"
}
