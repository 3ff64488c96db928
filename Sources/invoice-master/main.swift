// Placeholder entry point; subcommands serve, migrate and extract are being built.
print("invoice-master")
