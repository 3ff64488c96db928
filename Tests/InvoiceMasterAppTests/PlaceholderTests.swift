import XCTest

final class InvoiceMasterAppPlaceholderTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}
