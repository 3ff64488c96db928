import XCTest

final class PostgresPlaceholderTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}
