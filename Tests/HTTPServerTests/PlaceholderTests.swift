import XCTest

final class HTTPServerPlaceholderTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}
