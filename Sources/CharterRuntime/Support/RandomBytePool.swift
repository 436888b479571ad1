import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random bytes from the operating system, drawn 4 KiB at a time: a served request that needs an id took one or
/// two `getrandom` system calls (2–3% of a GET's CPU); from the pool it takes one per 256 ids. The bytes are the
/// system's own (`/dev/urandom`, the source `getrandom` reads), never derived or reused, so ids stay as unguessable
/// as before. Where the device cannot be read (a sandbox without `/dev`), each draw asks the system generator.
final class RandomBytePool: @unchecked Sendable {
    static let shared = RandomBytePool()

    private let lock = NSLock()
    private let capacity = 4096
    /// `capacity` bytes; `next` is the first not yet handed out. Guarded by `lock`.
    private let bytes: UnsafeMutableRawBufferPointer
    private var next: Int
    private let device: Int32

    private init() {
        bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
        next = capacity
        device = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
    }

    /// Sixteen random bytes as two words.
    func sixteenBytes() -> (UInt64, UInt64) {
        lock.lock()
        defer { lock.unlock() }
        if next + 16 > capacity {
            guard refill() else {
                var system = SystemRandomNumberGenerator()
                return (system.next(), system.next())
            }
        }
        let words = (bytes.loadUnaligned(fromByteOffset: next, as: UInt64.self),
                     bytes.loadUnaligned(fromByteOffset: next + 8, as: UInt64.self))
        next += 16
        return words
    }

    /// Fills the whole buffer from the device; false when it cannot be read in full.
    private func refill() -> Bool {
        guard device >= 0, let base = bytes.baseAddress else { return false }
        var filled = 0
        while filled < capacity {
            let n = read(device, base + filled, capacity - filled)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            filled += n
        }
        next = 0
        return true
    }
}
