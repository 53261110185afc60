import Testing

@testable import ItemAnalysis

/// The t quantiles behind the knowledge gain's confidence intervals, computed from the
/// distribution, against published values (SciPy's `scipy.stats.t.ppf(0.975, df)`).
@Suite struct StudentTTests {
    @Test(arguments: [
        (1, 12.706204736174694), (2, 4.302652729749462), (3, 3.1824463052837078), (5, 2.5705818356363146),
        (10, 2.228138851986274), (30, 2.0422724563012378), (120, 1.9799304050824402), (1000, 1.9623390808264083),
    ])
    func theQuantileMatchesThePublishedValue(degreesOfFreedom: Int, expected: Double) {
        #expect(abs(StudentT(degreesOfFreedom: degreesOfFreedom).quantile(0.975) - expected) < 1e-9)
    }

    @Test(arguments: [1, 4, 17, 60])
    func theDistributionIsSymmetricAndTheQuantileInvertsIt(degreesOfFreedom: Int) {
        let t = StudentT(degreesOfFreedom: degreesOfFreedom)
        for value in [0.3, 1.0, 2.5] {
            #expect(abs(t.cumulative(value) + t.cumulative(-value) - 1) < 1e-12)
        }
        for probability in [0.6, 0.9, 0.995] {
            #expect(abs(t.cumulative(t.quantile(probability)) - probability) < 1e-12)
            #expect(abs(t.quantile(1 - probability) + t.quantile(probability)) < 1e-9)
        }
    }
}
