/// The Pearson correlation of paired observations, accumulated one pair at a time.
///
/// With one variable 0 or 1 (an item right or wrong) it is the point-biserial correlation.
/// Undefined (nil) with fewer than two pairs, or when either variable never varies: an item
/// everyone got right (or wrong) says nothing about who knows more.
struct Correlation: Sendable, Equatable {
    private(set) var count = 0
    private var sumX = 0.0
    private var sumY = 0.0
    private var sumXX = 0.0
    private var sumYY = 0.0
    private var sumXY = 0.0

    mutating func add(_ x: Double, _ y: Double) {
        count += 1
        sumX += x
        sumY += y
        sumXX += x * x
        sumYY += y * y
        sumXY += x * y
    }

    /// Adds the pairs `other` accumulated.
    mutating func merge(_ other: Correlation) {
        count += other.count
        sumX += other.sumX
        sumY += other.sumY
        sumXX += other.sumXX
        sumYY += other.sumYY
        sumXY += other.sumXY
    }

    /// r in [-1, 1], or nil when undefined.
    var value: Double? {
        guard count >= 2 else { return nil }
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
