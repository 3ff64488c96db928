// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way:
//   invoice-master -> InvoiceMasterApp -> {HTTPServer, Postgres, Extraction}
//   Extraction -> PDF -> {CZlib, CCrypto};  Postgres -> CLibPQ
// HTTPServer depends on nothing but Glibc, Dispatch and Foundation.
let package = Package(
    name: "invoice-master",
    products: [
        .executable(name: "invoice-master", targets: ["invoice-master"]),
    ],
    targets: [
        // System libraries, found through pkg-config.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq",
                       providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSSL", pkgConfig: "libssl",
                       providers: [.apt(["libssl-dev"])]),

        .target(name: "HTTPServer"),
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        .target(name: "PDF", dependencies: ["CZlib", "CCrypto"]),
        .target(name: "Extraction", dependencies: ["PDF"]),
        .target(name: "InvoiceMasterApp",
                dependencies: ["HTTPServer", "Postgres", "PDF", "Extraction", "CCrypto", "CSSL"]),
        .executableTarget(name: "invoice-master",
                          dependencies: ["InvoiceMasterApp", "HTTPServer", "PDF", "Extraction", "Postgres"]),

        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres"]),
        .testTarget(name: "PDFTests", dependencies: ["PDF"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "PDF"]),
        .testTarget(name: "InvoiceMasterAppTests",
                    dependencies: ["InvoiceMasterApp", "HTTPServer", "Postgres"]),
    ],
    swiftLanguageModes: [.v5]
)
