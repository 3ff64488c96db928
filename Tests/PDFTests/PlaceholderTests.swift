import XCTest

final class PDFPlaceholderTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}
