/// Paired percentages (a person's pre-test and post-test), accumulated one pair at a time: their
/// means, the mean difference with its 95% confidence interval (paired t), and the normalised gain.
struct PairedScores: Sendable, Equatable {
    private(set) var count = 0
    private var sumPre = 0.0
    private var sumPost = 0.0
    private var sumDifference = 0.0
    private var sumSquaredDifference = 0.0

    mutating func add(pre: Double, post: Double) {
        count += 1
        sumPre += pre
        sumPost += post
        sumDifference += post - pre
        sumSquaredDifference += (post - pre) * (post - pre)
    }

    /// The figures of group `name`; nil without a pair.
    func statistics(_ name: String) -> GainStatistics? {
        guard count > 0 else { return nil }
        let n = Double(count)
        let (meanPre, meanPost, meanDifference) = (sumPre / n, sumPost / n, sumDifference / n)
        var interval: ConfidenceInterval?
        if count >= 2 {
            // The sample variance of the differences; a rounding crumb below 0 is 0.
            let variance = max(0, (sumSquaredDifference - n * meanDifference * meanDifference) / (n - 1))
            let margin = StudentT(degreesOfFreedom: count - 1).quantile(0.975) * (variance / n).squareRoot()
            interval = ConfidenceInterval(lower: meanDifference - margin, upper: meanDifference + margin)
        }
        return GainStatistics(
            group: name, pairs: count, meanPre: meanPre, meanPost: meanPost, meanDifference: meanDifference,
            confidenceInterval: interval,
            normalisedGain: meanPre < 100 ? (meanPost - meanPre) / (100 - meanPre) : nil)
    }
}
