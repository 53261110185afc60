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
struct Correlation: Sendable, Equatable {
    private(set) var count = 0
    private(set) var pairs: [DiscriminationPair: Int] = [:]

    mutating func add(_ pair: DiscriminationPair, times: Int = 1) {
        count += times
        pairs[pair, default: 0] += times
    }

    /// Adds the pairs `other` accumulated.
    mutating func merge(_ other: Correlation) {
        count += other.count
        pairs.merge(other.pairs, uniquingKeysWith: +)
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
}
