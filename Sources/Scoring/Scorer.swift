import ScenarioEngine

extension ScoringPolicy {
    /// Scores an attempt. Pure: the same answers and policy always give the same report.
    public func score(_ answers: [AnsweredQuestion]) -> ScoreReport {
        let byKind = QuestionKind.allCases.compactMap { kind -> ScoreReport.KindScore? in
            let asked = answers.filter { $0.question.kind == kind }
            guard !asked.isEmpty else { return nil }
            let correct = asked.filter(\.isCorrect).count
            return ScoreReport.KindScore(
                kind: kind, asked: asked.count, correct: correct, points: correct * points(for: kind),
                possible: asked.count * points(for: kind))
        }
        let earned = byKind.map(\.points).reduce(0, +)
        let possible = byKind.map(\.possible).reduce(0, +)
        let fraction = possible == 0 ? 0 : Double(earned) / Double(possible)
        let percent = Int((fraction * 100).rounded())
        let markPercent = Int((passMark * 100).rounded())

        var reasons: [String] = []
        var passed = fraction >= passMark && possible > 0
        reasons.append(
            passed
                ? "Score \(percent)% meets the pass mark of \(markPercent)%."
                : "Score \(percent)% is below the pass mark of \(markPercent)%.")
        let critical = answers.enumerated().compactMap { index, answer in
            answer.criticalMistake.map { (index + 1, $0) }
        }
        if criticalMistakesFail, !critical.isEmpty {
            passed = false
            for (number, option) in critical {
                reasons.append("Question \(number): “\(option.text)” is a critical mistake. \(option.mistake?.why ?? "")")
            }
        }
        return ScoreReport(
            byKind: byKind, points: earned, possible: possible, passed: passed, reasons: reasons, policyID: id,
            policyVersion: version)
    }
}
