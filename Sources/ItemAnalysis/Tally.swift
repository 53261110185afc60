import Records

/// The running counts of one jurisdiction's analysis, over some of its sheets; tallies of
/// different sheets merge.
struct Tally: Sendable {
    let content: AnalysisContent?
    var records = 0
    var groupAttendance = 0
    /// Each item's position in ``itemCounts``.
    var itemPositions: [ItemKey: Int] = [:]
    var itemKeys: [ItemKey] = []
    var itemCounts: [ItemCounts] = []
    var kinds: [String: GroupCounts] = [:]
    var stages: [Int: GroupCounts] = [:]
    var mistakes: [String: MistakeCounts] = [:]
    var critical: [SchoolAndRole: CriticalCounts] = [:]
    var confusion: [[Int]]
    var unmatched = 0

    init(content: AnalysisContent?) {
        self.content = content
        let size = (content?.categories.count ?? 0) + 1
        confusion = Array(repeating: Array(repeating: 0, count: size), count: size)
    }

    struct ItemCounts: Sendable {
        var answered = 0
        var correct = 0
        var wrong: [String: Int] = [:]
        var discrimination = Correlation()
        /// The last correct option seen and what it means (the same for every answer of an item
        /// of one content version), so that it is looked up once.
        var correctOption: String?
        var correctMeaning: OptionMeaning?

        mutating func merge(_ other: ItemCounts) {
            answered += other.answered
            correct += other.correct
            wrong.merge(other.wrong, uniquingKeysWith: +)
            discrimination.merge(other.discrimination)
        }
    }

    struct GroupCounts: Sendable {
        var answered = 0
        var correct = 0
        var discrimination = Correlation()

        mutating func merge(_ other: GroupCounts) {
            answered += other.answered
            correct += other.correct
            discrimination.merge(other.discrimination)
        }
    }

    struct MistakeCounts: Sendable {
        var critical: Bool
        var chosen = 0
    }

    struct CriticalCounts: Sendable {
        var attempts = 0
        var withCritical = 0
        var chosen = 0
    }

    struct SchoolAndRole: Sendable, Hashable, Comparable {
        var school: String
        var role: String
        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.school, lhs.role) < (rhs.school, rhs.role) }
    }

    /// One part of an attempt (its answers of one kind, or one stage).
    struct Part {
        var asked = 0
        var correct = 0
        var points = 0
        var possible = 0
    }

    mutating func add(_ sheet: AnswerSheet) {
        records += 1
        if !sheet.isIndividuallyScored { groupAttendance += 1 }
        var (points, possible) = (0, 0)
        for answer in sheet.answers {
            points += answer.points
            possible += answer.possiblePoints
        }
        var criticalChosen = 0
        var kindParts: [(String, Part)] = []
        var stageParts: [(Int, Part)] = []
        for answer in sheet.answers {
            let key = ItemKey(vignette: answer.vignette, stage: answer.stage, kind: answer.kind)
            let position = itemPosition(key)
            let isCorrect = answer.isCorrect
            itemCounts[position].answered += 1
            if isCorrect {
                itemCounts[position].correct += 1
            } else {
                itemCounts[position].wrong[answer.chosenOption, default: 0] += 1
            }
            // Corrected: the rest of the attempt, without this item, as a share of its points.
            if sheet.isIndividuallyScored, possible > answer.possiblePoints {
                itemCounts[position].discrimination.add(
                    DiscriminationPair(
                        correct: isCorrect ? 1 : 0, asked: 1, restPoints: points - answer.points,
                        restPossible: possible - answer.possiblePoints))
            }
            criticalChosen += interpret(answer, item: position)
            Self.add(answer, to: &kindParts, as: answer.kind)
            Self.add(answer, to: &stageParts, as: answer.stage)
        }
        for (kind, part) in kindParts {
            add(part, of: sheet, points: points, possible: possible, to: &kinds[kind, default: GroupCounts()])
        }
        for (stage, part) in stageParts {
            add(part, of: sheet, points: points, possible: possible, to: &stages[stage, default: GroupCounts()])
        }
        let who = SchoolAndRole(school: sheet.school ?? "", role: sheet.role ?? "")
        critical[who, default: CriticalCounts()].attempts += 1
        critical[who, default: CriticalCounts()].withCritical += criticalChosen > 0 ? 1 : 0
        critical[who, default: CriticalCounts()].chosen += criticalChosen
    }

    mutating func itemPosition(_ key: ItemKey) -> Int {
        if let position = itemPositions[key] { return position }
        itemPositions[key] = itemCounts.count
        itemKeys.append(key)
        itemCounts.append(ItemCounts())
        return itemCounts.count - 1
    }

    private static func add<Name: Equatable>(_ answer: AnswerSheet.Answer, to parts: inout [(Name, Part)], as name: Name) {
        let index =
            parts.firstIndex { $0.0 == name }
            ?? {
                parts.append((name, Part()))
                return parts.count - 1
            }()
        parts[index].1.asked += 1
        parts[index].1.correct += answer.isCorrect ? 1 : 0
        parts[index].1.points += answer.points
        parts[index].1.possible += answer.possiblePoints
    }

    /// The part's counts, and the corrected part–rest pair of a scored attempt.
    private func add(_ part: Part, of sheet: AnswerSheet, points: Int, possible: Int, to counts: inout GroupCounts) {
        counts.answered += part.asked
        counts.correct += part.correct
        if sheet.isIndividuallyScored, possible > part.possible {
            counts.discrimination.add(
                DiscriminationPair(
                    correct: part.correct, asked: part.asked, restPoints: points - part.points,
                    restPossible: possible - part.possible))
        }
    }

    /// Counts the answer's mistake and its cell of the confusion matrix; returns 1 for a
    /// critical mistake, else 0.
    private mutating func interpret(_ answer: AnswerSheet.Answer, item position: Int) -> Int {
        guard let content else {
            unmatched += 1
            return 0
        }
        if itemCounts[position].correctOption != answer.correctOption {
            itemCounts[position].correctOption = answer.correctOption
            itemCounts[position].correctMeaning = content.meaning(of: answer.correctOption)
        }
        let correct = itemCounts[position].correctMeaning
        let chosen = answer.isCorrect ? correct : content.meaning(of: answer.chosenOption)
        return count(Self.reading(kind: answer.kind, isCorrect: answer.isCorrect, correct: correct, chosen: chosen))
    }

    /// What an answer counts for, beyond facility.
    enum Reading: Equatable {
        /// Its chosen or correct option is not in the content.
        case unmatched
        /// A category question: the true category and the one chosen (nil: "none").
        case confusion(truth: String?, chosen: String?)
        /// A wrong answer that is a catalogued mistake.
        case mistake(String, critical: Bool)
        /// Nothing more.
        case other
    }

    /// The reading of an answer of `kind` whose correct and chosen options mean `correct` and
    /// `chosen` (nil: not in the content).
    static func reading(kind: String, isCorrect: Bool, correct: OptionMeaning?, chosen: OptionMeaning?) -> Reading {
        guard let correct, let chosen else { return .unmatched }
        switch (kind, correct, chosen) {
        case ("category", .category(let truth), .category(let reading)): return .confusion(truth: truth, chosen: reading)
        case (_, _, .mistake(let id, let critical)) where !isCorrect: return .mistake(id, critical: critical)
        default: return .other
        }
    }

    /// Counts `reading` `times` times; returns how many critical mistakes that was.
    mutating func count(_ reading: Reading, times: Int = 1) -> Int {
        switch reading {
        case .unmatched:
            unmatched += times
        case .confusion(let truth, let chosen):
            guard let content else { break }
            confusion[index(of: truth, in: content)][index(of: chosen, in: content)] += times
        case .mistake(let id, let critical):
            mistakes[id, default: MistakeCounts(critical: critical)].chosen += times
            return critical ? times : 0
        case .other:
            break
        }
        return 0
    }

    private func index(of category: String?, in content: AnalysisContent) -> Int {
        category.flatMap { id in content.categories.firstIndex { $0.id == id } } ?? content.categories.count
    }

    /// Adds `other`'s counts (of other sheets) to these.
    mutating func merge(_ other: Tally) {
        records += other.records
        groupAttendance += other.groupAttendance
        for (key, counts) in zip(other.itemKeys, other.itemCounts) { itemCounts[itemPosition(key)].merge(counts) }
        for (kind, counts) in other.kinds { kinds[kind, default: GroupCounts()].merge(counts) }
        for (stage, counts) in other.stages { stages[stage, default: GroupCounts()].merge(counts) }
        for (id, counts) in other.mistakes {
            mistakes[id, default: MistakeCounts(critical: counts.critical)].chosen += counts.chosen
        }
        for (who, counts) in other.critical {
            critical[who, default: CriticalCounts()].attempts += counts.attempts
            critical[who, default: CriticalCounts()].withCritical += counts.withCritical
            critical[who, default: CriticalCounts()].chosen += counts.chosen
        }
        for row in confusion.indices {
            for column in confusion[row].indices { confusion[row][column] += other.confusion[row][column] }
        }
        unmatched += other.unmatched
    }
}
