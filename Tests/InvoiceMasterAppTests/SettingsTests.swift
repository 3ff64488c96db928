import Foundation
import XCTest
@testable import InvoiceMasterApp

final class SettingsTests: XCTestCase {
    func testEnvExampleParsesToTheDefaults() throws {
        let path = TestDatabase.repositoryRoot.appendingPathComponent(".env.example").path
        let fromExample = try Settings.load(environment: [:], dotEnvPath: path)
        XCTAssertEqual(fromExample, try Settings(variables: [:]), ".env.example lists the defaults")
    }

    func testDefaults() throws {
        let settings = try Settings(variables: [:])
        XCTAssertEqual(settings.databaseURL, Settings.defaultDatabaseURL)
        XCTAssertEqual(settings.httpHost, "127.0.0.1")
        XCTAssertEqual(settings.httpPort, 8080)
        XCTAssertEqual(settings.httpIOThreads, 0, "the server picks: half the CPUs")
        XCTAssertEqual(settings.dbPoolMin, 2)
        XCTAssertEqual(settings.dbPoolMax, 10)
        XCTAssertEqual(settings.rateLimitRequests, 100)
        XCTAssertEqual(settings.rateLimitWindowSeconds, 60)
        XCTAssertEqual(settings.cacheTTLSeconds, 300)
        XCTAssertEqual(settings.cacheMaxEntries, 1000)
        XCTAssertEqual(settings.maxBodyBytes, 1_048_576)
        XCTAssertEqual(settings.logLevel, .info)
        XCTAssertEqual(settings.logFormat, .json)
        XCTAssertTrue(settings.migrateOnStart)
        XCTAssertTrue(settings.rateLimitEnabled)
        XCTAssertTrue(settings.cacheEnabled)
    }

    func testParsesValues() throws {
        let settings = try Settings(variables: [
            "HTTP_PORT": " 9000 ", "DB_POOL_MIN": "0", "DB_POOL_MAX": "4", "RATE_LIMIT_REQUESTS": "0",
            "RATE_LIMIT_WINDOW_SECONDS": "0.5", "TRUSTED_PROXIES": "10.0.0.0/8, ::1", "CACHE_MAX_ENTRIES": "0",
            "LOG_LEVEL": "warning", "LOG_FORMAT": "TEXT", "MIGRATE_ON_START": "off", "HTTP_IO_THREADS": "3",
        ])
        XCTAssertEqual(settings.httpPort, 9000)
        XCTAssertEqual(settings.httpIOThreads, 3)
        XCTAssertEqual(settings.dbPoolMax, 4)
        XCTAssertFalse(settings.rateLimitEnabled)
        XCTAssertEqual(settings.rateLimitWindowSeconds, 0.5)
        XCTAssertEqual(settings.trustedProxies.map(\.description), ["10.0.0.0/8", "::1"])
        XCTAssertFalse(settings.cacheEnabled)
        XCTAssertEqual(settings.logLevel, .warning)
        XCTAssertEqual(settings.logFormat, .text)
        XCTAssertFalse(settings.migrateOnStart)
    }

    func testInvalidValuesNameTheVariableAndWhatItAccepts() {
        let cases: [([String: String], String)] = [
            (["HTTP_PORT": "http"], "invalid HTTP_PORT='http': expected an integer from 0 to 65535"),
            (["HTTP_PORT": "70000"], "invalid HTTP_PORT='70000': expected an integer from 0 to 65535"),
            (["DB_POOL_MAX": "0"], "invalid DB_POOL_MAX='0': expected an integer from 1 to 1000"),
            (["HTTP_IO_THREADS": "-1"], "invalid HTTP_IO_THREADS='-1': expected an integer from 0 to 1024"),
            (["DB_POOL_MIN": "5", "DB_POOL_MAX": "3"], "invalid DB_POOL_MIN=5: expected an integer <= DB_POOL_MAX (3)"),
            (["RATE_LIMIT_WINDOW_SECONDS": "soon"], "invalid RATE_LIMIT_WINDOW_SECONDS='soon': expected a number >= 0.001"),
            (["CACHE_TTL_SECONDS": "-1"], "invalid CACHE_TTL_SECONDS='-1': expected a number >= 0"),
            (["LOG_FORMAT": "xml"], "invalid LOG_FORMAT='xml': expected one of json|text"),
            (["LOG_LEVEL": "loud"], "invalid LOG_LEVEL='loud': expected one of DEBUG|INFO|WARNING|ERROR|CRITICAL"),
            (["TRUSTED_PROXIES": "10.0.0.0/33"],
             "invalid TRUSTED_PROXIES='10.0.0.0/33': expected comma-separated IP addresses or CIDRs ('10.0.0.0/33' is neither)"),
            (["MIGRATE_ON_START": "maybe"], "invalid MIGRATE_ON_START='maybe': expected true or false (also 1/0, yes/no, on/off)"),
            (["DB_PORT": "x"], "invalid DB_PORT='x': expected an integer from 1 to 65535"),
        ]
        for (variables, message) in cases {
            XCTAssertThrowsError(try Settings(variables: variables)) { error in
                XCTAssertEqual((error as? SettingsError)?.message, message)
            }
        }
    }

    func testDatabaseURLFromParts() throws {
        let settings = try Settings(variables: ["DB_HOST": "db.local", "DB_NAME": "inv", "DB_PASSWORD": "it's"])
        XCTAssertEqual(settings.databaseURL, #"host='db.local' port='5432' dbname='inv' user='postgres' password='it\'s'"#)
        XCTAssertEqual(try Settings(variables: ["DATABASE_URL": "postgresql://x@h/db", "DB_HOST": "ignored"]).databaseURL,
                       "postgresql://x@h/db")
    }

    func testDotEnvIsReadAndTheEnvironmentWins() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(".env").path
        try """
        # comment
        export HTTP_PORT=9100
        HTTP_HOST="0.0.0.0"
        LOG_FORMAT=text   # inline comment
        CACHE_MAX_ENTRIES='5'
        TRUSTED_PROXIES=          # none
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let settings = try Settings.load(environment: ["HTTP_PORT": "9200"], dotEnvPath: path)
        XCTAssertEqual(settings.httpPort, 9200)
        XCTAssertEqual(settings.httpHost, "0.0.0.0")
        XCTAssertEqual(settings.logFormat, .text)
        XCTAssertEqual(settings.cacheMaxEntries, 5)
        XCTAssertEqual(settings.trustedProxies, [])
        XCTAssertEqual(try Settings.load(environment: [:], dotEnvPath: directory.appendingPathComponent("none").path).httpPort, 8080)

        try "NOT A LINE\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Settings.load(environment: [:], dotEnvPath: path)) { error in
            XCTAssertEqual((error as? SettingsError)?.message, "\(path):1: expected KEY=VALUE, got 'NOT A LINE'")
        }
    }
}
