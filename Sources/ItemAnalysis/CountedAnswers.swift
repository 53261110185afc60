/// One jurisdiction's answers counted where they are kept (by SQL in a database), for
/// ``ItemAnalysis/analysis(of:)`` to assemble into the same ``JurisdictionAnalysis`` that
/// ``ItemAnalysis/analysis(of:sheets:)`` computes from the same sheets. Each `add` takes one
/// aggregated row; what an option stands for (a category, a catalogued mistake) is looked up
/// here, in the content, on the counts.
public struct CountedAnswers: Sendable {
    public let jurisdiction: String
    var tally: Tally

    init(jurisdiction: String, content: AnalysisContent?) {
        self.jurisdiction = jurisdiction
        tally = Tally(content: content)
    }

    /// Records analysed, and how many of them are group attendance.
    public mutating func addRecords(_ records: Int, groupAttendance: Int) {
        tally.records += records
        tally.groupAttendance += groupAttendance
    }

    /// Answers to `item`, and how many were correct.
    public mutating func addItem(_ item: ItemKey, answered: Int, correct: Int) {
        let position = tally.itemPosition(item)
        tally.itemCounts[position].answered += answered
        tally.itemCounts[position].correct += correct
    }

    /// A wrong option of `item`, chosen `chosen` times.
    public mutating func addWrongOption(_ option: String, of item: ItemKey, chosen: Int) {
        tally.itemCounts[tally.itemPosition(item)].wrong[option, default: 0] += chosen
    }

    /// A pair of `item`'s discrimination, seen `times` times.
    public mutating func addDiscrimination(_ pair: DiscriminationPair, of item: ItemKey, times: Int) {
        tally.itemCounts[tally.itemPosition(item)].discrimination.add(pair, times: times)
    }

    /// Answers of question kind `kind`, and how many were correct.
    public mutating func addKind(_ kind: String, answered: Int, correct: Int) {
        tally.kinds[kind, default: Tally.GroupCounts()].answered += answered
        tally.kinds[kind, default: Tally.GroupCounts()].correct += correct
    }

    /// A pair of the discrimination of question kind `kind`, seen `times` times.
    public mutating func addDiscrimination(_ pair: DiscriminationPair, ofKind kind: String, times: Int) {
        tally.kinds[kind, default: Tally.GroupCounts()].discrimination.add(pair, times: times)
    }

    /// Answers at `stage`, and how many were correct.
    public mutating func addStage(_ stage: Int, answered: Int, correct: Int) {
        tally.stages[stage, default: Tally.GroupCounts()].answered += answered
        tally.stages[stage, default: Tally.GroupCounts()].correct += correct
    }

    /// A pair of the discrimination of `stage`, seen `times` times.
    public mutating func addDiscrimination(_ pair: DiscriminationPair, ofStage stage: Int, times: Int) {
        tally.stages[stage, default: Tally.GroupCounts()].discrimination.add(pair, times: times)
    }

    /// `count` answers to questions of `kind` whose correct option is `correctOption` and whose
    /// chosen one `chosenOption`: their mistakes, confusion matrix cell or unmatched answers.
    public mutating func addAnswers(kind: String, correctOption: String, chosenOption: String, count: Int) {
        let content = tally.content
        let isCorrect = chosenOption == correctOption
        let correct = content?.meaning(of: correctOption)
        let reading: Tally.Reading =
            content == nil
            ? .unmatched
            : Tally.reading(
                kind: kind, isCorrect: isCorrect, correct: correct,
                chosen: isCorrect ? correct : content?.meaning(of: chosenOption))
        _ = tally.count(reading, times: count)
    }

    /// The records of one school and role (empty when not given), those with a critical mistake,
    /// and the critical mistakes chosen.
    public mutating func addCriticalMistakes(school: String, role: String, attempts: Int, withCritical: Int, chosen: Int) {
        let who = Tally.SchoolAndRole(school: school, role: role)
        tally.critical[who, default: Tally.CriticalCounts()].attempts += attempts
        tally.critical[who, default: Tally.CriticalCounts()].withCritical += withCritical
        tally.critical[who, default: Tally.CriticalCounts()].chosen += chosen
    }
}

extension ItemAnalysis {
    /// Empty counts of `jurisdiction`, read with its content.
    public func counting(_ jurisdiction: String) -> CountedAnswers {
        CountedAnswers(jurisdiction: jurisdiction, content: content[jurisdiction])
    }

    /// The analysis of what `counted` holds.
    public func analysis(of counted: CountedAnswers) -> JurisdictionAnalysis {
        counted.tally.analysis(of: counted.jurisdiction)
    }
}

extension AnalysisContent {
    /// The option ids that are critical mistakes: a wrong answer choosing one counts as a
    /// critical mistake when its correct option is in the content too (``knownOptions``).
    public var criticalMistakeOptions: [String] {
        meanings.compactMap { option, meaning in
            if case .mistake(_, critical: true) = meaning { return option }
            return nil
        }
        .sorted()
    }

    /// Every option id the content offers.
    public var knownOptions: [String] { meanings.keys.sorted() }
}
