import Dispatch
import Glibc

/// Independent jobs run on the machine's cores, results in the jobs' order: the generator prints the parts of one
/// generation side by side (printing is pure: finished declarations in, text out), `diff` loads its two files at once.
public enum Parallel {
    /// The cores online (at least 1): how many jobs are worth running side by side. Asked of the system once: glibc
    /// answers by opening and reading `/sys/devices/system/cpu/online`, and the tree reader asks for every file it
    /// reads (three system calls per file of a 5,000-file spec).
    public static let cores: Int = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    /// Every job's result, in the order of `jobs`.
    public static func results<T: Sendable>(of jobs: [@Sendable () -> T]) -> [T] {
        guard jobs.count > 1 else { return jobs.map { $0() } }
        let slots = Slots<T>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in slots.set(i, jobs[i]()) }
        return slots.values
    }

    /// Two jobs of different result types, side by side.
    public static func both<A: Sendable, B: Sendable>(_ a: @escaping @Sendable () -> A, _ b: @escaping @Sendable () -> B) -> (A, B) {
        let first = Slots<A>(count: 1), second = Slots<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { first.set(0, a()) } else { second.set(0, b()) }
        }
        // Both slots are filled when `concurrentPerform` returns; running a job again here cannot happen.
        return (first.values.first ?? a(), second.values.first ?? b())
    }

    /// One slot per job, each written by exactly one job before `concurrentPerform` returns, read after it:
    /// no two threads touch one slot, which is why this is `@unchecked Sendable`.
    private final class Slots<T>: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<T?>

        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }

        deinit {
            _ = storage.deinitialize()
            storage.deallocate()
        }

        func set(_ i: Int, _ value: T) { storage[i] = value }
        var values: [T] { storage.compactMap { $0 } }
    }
}
