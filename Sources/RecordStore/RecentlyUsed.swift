import Synchronization

/// At most `capacity` values by key, shared between threads; when a new one would pass the
/// capacity, the one used longest ago is let go. The caches of what is built or read again and
/// again on every request (attempts' plans, decoded files) keep their values here.
public final class RecentlyUsed<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var lastUsed: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var uses: UInt64 = 0
    }

    public let capacity: Int
    private let state = Mutex(State())

    public init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// The value kept under `key`, now the one used last; nil when none is.
    public func value(for key: Key) -> Value? {
        state.withLock { state in
            guard let entry = state.entries[key] else { return nil }
            state.uses += 1
            state.entries[key]?.lastUsed = state.uses
            return entry.value
        }
    }

    /// Keeps `value` under `key` (replacing what was kept there), letting go of the value used
    /// longest ago when the cache is full.
    public func keep(_ value: Value, for key: Key) {
        state.withLock { state in
            if state.entries.count >= capacity, state.entries[key] == nil,
                let oldest = state.entries.min(by: { $0.value.lastUsed < $1.value.lastUsed })?.key
            {
                state.entries[oldest] = nil
            }
            state.uses += 1
            state.entries[key] = Entry(value: value, lastUsed: state.uses)
        }
    }

    public func forget(_ key: Key) {
        state.withLock { _ = $0.entries.removeValue(forKey: key) }
    }

    /// How many values are kept.
    public var count: Int { state.withLock { $0.entries.count } }
}
