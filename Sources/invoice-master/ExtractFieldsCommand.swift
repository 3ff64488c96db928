#if canImport(Glibc)
import Glibc
#endif

/// Placeholder until this command is built; returns the process exit code.
func runExtractFieldsCommand(_ arguments: [String]) -> Int32 {
    fputs("invoice-master: this command is not built yet\n", stderr)
    return 2
}
