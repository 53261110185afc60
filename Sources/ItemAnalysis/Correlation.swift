/// The Pearson correlation of paired observations, each a fraction kept exact (a count of
/// points over the points possible), accumulated one pair at a time.
///
/// With one variable 0 or 1 (an item right or wrong) it is the point-biserial correlation.
/// Undefined (nil) with fewer than two pairs, or when either variable never varies: an item
/// everyone got right (or wrong) says nothing about who knows more.
///
/// The pairs are kept as how often each one occurred, and the sums are taken over them in one
/// fixed order: the same pairs give the same value to the last bit whatever order they came in,
/// and whoever counted them (Swift here, SQL in a database: ``DiscriminationPair``).
///
/// Pairs added one at a time (an answer each, millions in `records stats`) are kept packed in a
/// list and counted a batch at a time, sorted: far cheaper than a dictionary update each.
struct Correlation: Sendable, Equatable {
    private(set) var count = 0
    private var counted: [DiscriminationPair: Int] = [:]
    /// Pairs added once each, not counted yet (``DiscriminationPair/packed``).
    private var pending: [UInt64] = []

    static let batch = 4_096

    mutating func add(_ pair: DiscriminationPair, times: Int = 1) {
        count += times
        if times == 1, let packed = pair.packed {
            pending.append(packed)
            if pending.count >= Self.batch { countPending() }
        } else {
            counted[pair, default: 0] += times
        }
    }

    /// Adds the pairs `other` accumulated.
    mutating func merge(_ other: Correlation) {
        count += other.count
        counted.merge(other.counted, uniquingKeysWith: +)
        pending += other.pending
        if pending.count >= Self.batch { countPending() }
    }

    /// How often each pair occurred.
    var pairs: [DiscriminationPair: Int] {
        var all = self
        all.countPending()
        return all.counted
    }

    private mutating func countPending() {
        pending.sort()
        var start = 0
        while start < pending.count {
            var end = start + 1
            while end < pending.count, pending[end] == pending[start] { end += 1 }
            counted[DiscriminationPair(unpacking: pending[start]), default: 0] += end - start
            start = end
        }
        pending.removeAll(keepingCapacity: true)
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.count == rhs.count && lhs.pairs == rhs.pairs
    }

    /// r in [-1, 1], or nil when undefined.
    var value: Double? {
        guard count >= 2 else { return nil }
        var (sumX, sumY, sumXX, sumYY, sumXY) = (0.0, 0.0, 0.0, 0.0, 0.0)
        for (pair, times) in pairs.sorted(by: { $0.key < $1.key }) {
            let (x, y, weight) = (pair.x, pair.y, Double(times))
            sumX += weight * x
            sumY += weight * y
            sumXX += weight * x * x
            sumYY += weight * y * y
            sumXY += weight * x * y
        }
        let n = Double(count)
        let covariance = n * sumXY - sumX * sumY
        let varianceX = n * sumXX - sumX * sumX
        let varianceY = n * sumYY - sumY * sumY
        // Sums of exact small numbers: a variance that should be 0 may be a rounding crumb.
        let tolerance = 1e-9 * n * n
        guard varianceX > tolerance, varianceY > tolerance else { return nil }
        return min(1, max(-1, covariance / (varianceX.squareRoot() * varianceY.squareRoot())))
    }
}

/// One observation of a discrimination: x, the part's correct answers of those asked (1 of 1
/// or 0 of 1 for one item), and y, the points on the rest of the attempt of the points possible
/// there. Kept as whole numbers, not reduced, so that every backend counts the same pairs.
public struct DiscriminationPair: Sendable, Hashable, Comparable {
    public var correct: Int
    public var asked: Int
    public var restPoints: Int
    public var restPossible: Int

    public init(correct: Int, asked: Int, restPoints: Int, restPossible: Int) {
        self.correct = correct
        self.asked = asked
        self.restPoints = restPoints
        self.restPossible = restPossible
    }

    var x: Double { Double(correct) / Double(asked) }
    var y: Double { Double(restPoints) / Double(restPossible) }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.correct, lhs.asked, lhs.restPoints, lhs.restPossible)
            < (rhs.correct, rhs.asked, rhs.restPoints, rhs.restPossible)
    }

    /// The four numbers in 16 bits each, when each is within 0 ..< 65,536 (always, for answers
    /// worth a few points each): one number that sorts and compares as the pair does.
    var packed: UInt64? {
        let range = 0..<(1 << 16)
        guard range.contains(correct), range.contains(asked), range.contains(restPoints), range.contains(restPossible)
        else { return nil }
        return UInt64(correct) << 48 | UInt64(asked) << 32 | UInt64(restPoints) << 16 | UInt64(restPossible)
    }

    /// The pair `packed` holds.
    init(unpacking packed: UInt64) {
        self.init(
            correct: Int(packed >> 48), asked: Int(packed >> 32 & 0xFFFF), restPoints: Int(packed >> 16 & 0xFFFF),
            restPossible: Int(packed & 0xFFFF))
    }
}
