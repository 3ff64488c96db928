#if canImport(Glibc)
import Glibc
#endif

/// epoll, eventfd and accept4 bound through dlsym.
///
/// Swift's Glibc module does not export <sys/epoll.h>, <sys/eventfd.h> or the GNU `accept4`, and
/// HTTPServer may depend on nothing but Glibc, Dispatch and Foundation. The symbols are part of
/// glibc itself, so looking them up once with `dlsym` gives true C calls with no shim target.
enum LinuxEpoll {
    typealias CreateFunction = @convention(c) (Int32) -> Int32
    typealias ControlFunction = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    typealias WaitFunction = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32
    typealias EventFDFunction = @convention(c) (UInt32, Int32) -> Int32
    typealias Accept4Function = @convention(c) (Int32, UnsafeMutablePointer<sockaddr>?,
                                                UnsafeMutablePointer<socklen_t>?, Int32) -> Int32

    static let `in`: UInt32 = 0x001
    static let out: UInt32 = 0x004
    static let err: UInt32 = 0x008
    static let hup: UInt32 = 0x010
    static let rdhup: UInt32 = 0x2000

    static let ctlAdd: Int32 = 1
    static let ctlDel: Int32 = 2
    static let ctlMod: Int32 = 3

    /// O_CLOEXEC and O_NONBLOCK, which EPOLL_CLOEXEC, EFD_* and SOCK_* share on Linux.
    static let closeOnExec: Int32 = 0o2000000
    static let nonBlocking: Int32 = 0o4000

    /// `struct epoll_event` is packed on x86_64 (12 bytes: u32 events, u64 data) and naturally
    /// aligned elsewhere (16 bytes).
    #if arch(x86_64)
    static let eventSize = 12
    #else
    static let eventSize = 16
    #endif
    #if arch(x86_64)
    static let eventDataOffset = 4
    #else
    static let eventDataOffset = 8
    #endif

    private static let handle = dlopen(nil, RTLD_NOW)
    private static func symbol<F>(_ name: String, as type: F.Type) -> F {
        guard let pointer = dlsym(handle, name) else { fatalError("glibc lacks \(name)") }
        return unsafeBitCast(pointer, to: type)
    }

    static let create1 = symbol("epoll_create1", as: CreateFunction.self)
    static let ctl = symbol("epoll_ctl", as: ControlFunction.self)
    static let wait = symbol("epoll_wait", as: WaitFunction.self)
    static let eventfd = symbol("eventfd", as: EventFDFunction.self)
    static let accept4 = symbol("accept4", as: Accept4Function.self)

    /// Registers, changes or removes `fd` with `events`, tagging it with `data`.
    @discardableResult
    static func control(_ epollFD: Int32, _ operation: Int32, _ fd: Int32, events: UInt32, data: UInt64) -> Int32 {
        var raw: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &raw) { event in
            event.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
            event.storeBytes(of: data, toByteOffset: eventDataOffset, as: UInt64.self)
            return ctl(epollFD, operation, fd, event.baseAddress)
        }
    }
}

/// A reusable array of `epoll_event` for `epoll_wait`.
struct EpollEventBuffer {
    let capacity: Int
    let storage: UnsafeMutableRawPointer

    init(capacity: Int) {
        self.capacity = capacity
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity * LinuxEpoll.eventSize, alignment: 8)
    }

    func deallocate() { storage.deallocate() }

    func events(at index: Int) -> UInt32 {
        storage.loadUnaligned(fromByteOffset: index * LinuxEpoll.eventSize, as: UInt32.self)
    }

    func data(at index: Int) -> UInt64 {
        storage.loadUnaligned(fromByteOffset: index * LinuxEpoll.eventSize + LinuxEpoll.eventDataOffset, as: UInt64.self)
    }
}
