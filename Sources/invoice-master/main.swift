#if canImport(Glibc)
import Glibc
#endif

// `invoice-master <command> [options]`. Each command lives in its own file.
let usage = """
usage: invoice-master serve                     serve /api/v1 over HTTP (settings from the environment and .env)
       invoice-master migrate                   apply pending migrations and exit
       invoice-master extract --text FILE.pdf   print each page's text
       invoice-master extract --words FILE.pdf  print each page's words with boxes as JSON
       invoice-master extract [--threshold T] FILE.pdf [FILE.pdf ...]
                                                print the invoice fields found in each file as JSON
"""

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else {
    fputs(usage + "\n", stderr)
    exit(2)
}
let rest = Array(arguments.dropFirst())
switch command {
case "serve":
    exit(runServeCommand(rest))
case "migrate":
    exit(runMigrateCommand(rest))
case "extract":
    if rest.contains("--text") || rest.contains("--words") {
        exit(runExtractTextCommand(rest))
    }
    exit(runExtractFieldsCommand(rest))
case "-h", "--help", "help":
    print(usage)
    exit(0)
default:
    fputs("invoice-master: unknown command '\(command)'\n\(usage)\n", stderr)
    exit(2)
}
