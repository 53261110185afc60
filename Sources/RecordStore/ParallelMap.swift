import Dispatch
import Synchronization

/// Maps a large array on every core, in chunks, keeping its order.
enum ParallelMap {
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        guard elements.count > 64 else { return elements.map(transform) }
        let chunkCount = min(64, elements.count / 32)
        let chunks = Mutex([[Result]](repeating: [], count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (elements.count * chunk / chunkCount)..<(elements.count * (chunk + 1) / chunkCount)
            let mapped = elements[range].map(transform)
            chunks.withLock { $0[chunk] = mapped }
        }
        return chunks.withLock { $0 }.flatMap { $0 }
    }
}
