/// The validator's path to the value being checked: pushed and popped once per visited member or element,
/// without the uniqueness check an `Array` in a mutated struct pays on every change (a few percent of a
/// validation). Its owner calls `release()` when the run is over.
struct PathStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always) mutating func push(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always) mutating func pop() {
        count -= 1
        (base + count).deinitialize(count: 1)
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    func release() {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
