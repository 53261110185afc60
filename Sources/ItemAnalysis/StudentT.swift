import Foundation

/// Student's t distribution with `degreesOfFreedom` degrees of freedom: its distribution function
/// and its quantiles, computed (through the regularized incomplete beta function), not read from
/// a table.
struct StudentT: Sendable {
    let degreesOfFreedom: Double

    init(degreesOfFreedom: Int) {
        self.degreesOfFreedom = Double(degreesOfFreedom)
    }

    /// P(T ≤ t).
    func cumulative(_ t: Double) -> Double {
        let x: Double = degreesOfFreedom / (degreesOfFreedom + t * t)
        let tail = 0.5 * Self.regularizedIncompleteBeta(x: x, a: degreesOfFreedom / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with P(T ≤ t) = `probability` (0 < probability < 1), found by bisection to the
    /// precision of a Double.
    func quantile(_ probability: Double) -> Double {
        if probability == 0.5 { return 0 }
        if probability < 0.5 { return -quantile(1 - probability) }
        var (low, high) = (0.0, 1.0)
        while cumulative(high) < probability { (low, high) = (high, high * 2) }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if middle == low || middle == high { break }
            if cumulative(middle) < probability { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// I_x(a, b), by its continued fraction (Lentz's method), on the side where it converges fast.
    static func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a) + lgamma(b) - lgamma(a + b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logPowers - logBeta
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...300 {
            let m = Double(m)
            let evenDenominator: Double = (a + 2 * m - 1) * (a + 2 * m)
            let even: Double = m * (b - m) * x / evenDenominator
            d = 1 + even * d
            c = 1 + even / c
            if abs(d) < tiny { d = tiny }
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let oddDenominator: Double = (a + 2 * m) * (a + 2 * m + 1)
            let odd: Double = -(a + m) * (a + b + m) * x / oddDenominator
            d = 1 + odd * d
            c = 1 + odd / c
            if abs(d) < tiny { d = tiny }
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            result *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return result
    }
}
