#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import HTTPServer

final class OutputQueueTests: XCTestCase {
    /// Whatever the socket does not take stays queued, in order, across small and large pieces.
    func testKeepsWhatTheSocketRefusesInOrder() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds), 0)
        defer { close(fds[0]); close(fds[1]) }
        _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
        var queue = OutputQueue()
        var expected: [UInt8] = []
        var accepted = 0
        for index in 0..<200 {
            let header = Array("\(index):".utf8)
            let chunk = [UInt8](repeating: UInt8(index % 251), count: 40_000)
            queue.append(header)
            queue.append(chunk)
            expected += header + chunk
            let before = queue.pendingBytes
            let result = queue.write(to: fds[0])
            accepted += before - queue.pendingBytes
            if case .done = result { XCTAssertEqual(queue.pendingBytes, 0) }
            XCTAssertEqual(accepted + queue.pendingBytes, expected.count)
        }
        XCTAssertGreaterThan(queue.pendingBytes, 0, "the socket should have filled up")
        // Drain the peer while writing the rest; the bytes must arrive complete and in order.
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while received.count < expected.count {
            _ = queue.write(to: fds[0])
            let count = read(fds[1], &buffer, buffer.count)
            if count > 0 { received += buffer[0..<count] }
        }
        XCTAssertEqual(received, expected)
    }
}
