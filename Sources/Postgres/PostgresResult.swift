import CLibPQ

/// Owns one libpq result; freed when the last `PostgresResult`/`PostgresRow` referring to it goes.
final class ResultStorage {
    let handle: OpaquePointer
    let rowCount: Int
    let columnNames: [String]
    /// Name → first column with that name (as `PQfnumber` would pick, minus its case folding).
    let columnIndex: [String: Int]

    init(handle: OpaquePointer) {
        self.handle = handle
        rowCount = Int(PQntuples(handle))
        let count = Int(PQnfields(handle))
        var names: [String] = []
        names.reserveCapacity(count)
        var index: [String: Int] = [:]
        for column in 0..<count {
            let name = String(cString: PQfname(handle, Int32(column)))
            names.append(name)
            if index[name] == nil { index[name] = column }
        }
        columnNames = names
        columnIndex = index
    }

    deinit { PQclear(handle) }
}

/// The rows a statement returned, plus how many rows it affected.
public struct PostgresResult: RandomAccessCollection {
    let storage: ResultStorage

    /// Rows inserted, updated, deleted or selected, as the command tag reports them.
    public let affectedRows: Int

    init(storage: ResultStorage) {
        self.storage = storage
        affectedRows = Int(String(cString: PQcmdTuples(storage.handle))) ?? 0
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.rowCount }
    public subscript(position: Int) -> PostgresRow {
        precondition(position >= 0 && position < storage.rowCount, "row index \(position) out of range")
        return PostgresRow(storage: storage, row: Int32(position))
    }

    /// Column names in result order.
    public var columns: [String] { storage.columnNames }
}
