#if canImport(Glibc)
import Glibc
#endif
import InvoiceMasterApp

/// Settings for a command that takes no arguments (`serve`, `migrate`). Prints what is wrong —
/// stray arguments, or the invalid variable and what it accepts — and returns nil; the caller
/// then exits with status 2.
func loadSettings(command: String, arguments: [String]) -> Settings? {
    guard arguments.isEmpty else {
        fputs("invoice-master \(command): unexpected arguments: \(arguments.joined(separator: " "))\n", stderr)
        return nil
    }
    do {
        return try Settings.load()
    } catch {
        fputs("invoice-master: \(error)\n", stderr)
        return nil
    }
}
