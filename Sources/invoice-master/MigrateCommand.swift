#if canImport(Glibc)
import Glibc
#endif
import InvoiceMasterApp
import Postgres

/// `invoice-master migrate`: applies pending migrations from MIGRATIONS_DIR (default
/// `migrations`) to the database of the settings, prints what it applied, and exits.
func runMigrateCommand(_ arguments: [String]) -> Int32 {
    guard let settings = loadSettings(command: "migrate", arguments: arguments) else { return 2 }
    var configuration = PostgresConfiguration(connectionString: settings.databaseURL)
    configuration.minConnections = 0
    configuration.maxConnections = 1
    configuration.acquireTimeout = Double(settings.dbAcquireTimeoutMilliseconds) / 1000
    let pool = PostgresPool(configuration: configuration)
    defer { pool.close() }
    do {
        let applied = try MigrationRunner(pool: pool, directory: settings.migrationsDirectory).migrate()
        print(applied.isEmpty ? "migrations: up to date" : "migrations: applied \(applied.joined(separator: ", "))")
        return 0
    } catch {
        fputs("invoice-master migrate: \(error)\n", stderr)
        return 1
    }
}
