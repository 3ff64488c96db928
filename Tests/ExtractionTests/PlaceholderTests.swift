import XCTest

final class ExtractionPlaceholderTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}
