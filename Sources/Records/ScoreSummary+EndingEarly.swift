extension ScoreSummary {
    /// The score of a group session that ended after `asked` of its `planned` questions: not
    /// passed, whatever the points, since the training was not all given.
    public func endingEarly(asked: Int, planned: Int) -> ScoreSummary {
        guard asked < planned else { return self }
        var ended = self
        ended.passed = false
        ended.reasons.append(
            "The session ended after \(asked) of its \(planned) questions: a session ended early does not complete the training.")
        return ended
    }
}
