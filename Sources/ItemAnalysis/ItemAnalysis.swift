import Records

/// Computes the item analysis of answer sheets. Pure: the same sheets and content give the same
/// report, in the same order.
public struct ItemAnalysis: Sendable {
    /// The content of each jurisdiction, by id: what its option ids stand for. A jurisdiction
    /// without content is still analysed, with every answer unmatched.
    public var content: [String: AnalysisContent]

    public init(content: [String: AnalysisContent]) {
        self.content = content
    }

    /// Every jurisdiction of `sheets`, by id.
    public func report(of sheets: [AnswerSheet]) -> ItemAnalysisReport {
        let byJurisdiction = Dictionary(grouping: sheets, by: \.jurisdiction)
        return ItemAnalysisReport(
            jurisdictions: byJurisdiction.keys.sorted().map { analysis(of: $0, sheets: byJurisdiction[$0] ?? []) })
    }

    /// The analysis of `jurisdiction` over those of `sheets` that are its.
    public func analysis(of jurisdiction: String, sheets: [AnswerSheet]) -> JurisdictionAnalysis {
        var tally = Tally(content: content[jurisdiction])
        for sheet in sheets where sheet.jurisdiction == jurisdiction { tally.add(sheet) }
        return tally.analysis(of: jurisdiction)
    }
}

/// The running counts of one jurisdiction's analysis.
private struct Tally {
    let content: AnalysisContent?
    var records = 0
    var groupAttendance = 0
    var items: [ItemKey: ItemCounts] = [:]
    var kinds: [String: GroupCounts] = [:]
    var stages: [Int: GroupCounts] = [:]
    var mistakes: [String: (critical: Bool, chosen: Int)] = [:]
    var critical: [SchoolAndRole: (attempts: Int, withCritical: Int, chosen: Int)] = [:]
    var confusion: [[Int]]
    var unmatched = 0

    init(content: AnalysisContent?) {
        self.content = content
        let size = (content?.categories.count ?? 0) + 1
        confusion = Array(repeating: Array(repeating: 0, count: size), count: size)
    }

    struct ItemCounts {
        var answered = 0
        var correct = 0
        var wrong: [String: Int] = [:]
        var discrimination = Correlation()
    }

    struct GroupCounts {
        var items: Set<ItemKey> = []
        var answered = 0
        var correct = 0
        var discrimination = Correlation()
    }

    struct SchoolAndRole: Hashable, Comparable {
        var school: String
        var role: String
        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.school, lhs.role) < (rhs.school, rhs.role) }
    }

    mutating func add(_ sheet: AnswerSheet) {
        records += 1
        if !sheet.isIndividuallyScored { groupAttendance += 1 }
        let points = sheet.answers.reduce(0) { $0 + $1.points }
        let possible = sheet.answers.reduce(0) { $0 + $1.possiblePoints }
        var criticalChosen = 0
        for answer in sheet.answers {
            let key = ItemKey(vignette: answer.vignette, stage: answer.stage, kind: answer.kind)
            var counts = items[key, default: ItemCounts()]
            counts.answered += 1
            if answer.isCorrect { counts.correct += 1 } else { counts.wrong[answer.chosenOption, default: 0] += 1 }
            // Corrected: the rest of the attempt, without this item, as a share of its points.
            if sheet.isIndividuallyScored, possible > answer.possiblePoints {
                let rest = Double(points - answer.points) / Double(possible - answer.possiblePoints)
                counts.discrimination.add(answer.isCorrect ? 1 : 0, rest)
            }
            items[key] = counts
            criticalChosen += interpret(answer)
        }
        addGroups(of: sheet, points: points, possible: possible, by: \.kind, into: &kinds)
        addGroups(of: sheet, points: points, possible: possible, by: \.stage, into: &stages)
        let who = SchoolAndRole(school: sheet.school ?? "", role: sheet.role ?? "")
        var counts = critical[who, default: (0, 0, 0)]
        counts.attempts += 1
        counts.withCritical += criticalChosen > 0 ? 1 : 0
        counts.chosen += criticalChosen
        critical[who] = counts
    }

    /// Counts the answer's mistake and its cell of the confusion matrix; returns 1 for a
    /// critical mistake, else 0.
    private mutating func interpret(_ answer: AnswerSheet.Answer) -> Int {
        guard let content, let chosen = content.meaning(of: answer.chosenOption),
            let correct = content.meaning(of: answer.correctOption)
        else {
            unmatched += 1
            return 0
        }
        switch (answer.kind, correct, chosen) {
        case ("category", .category(let truth), .category(let reading)):
            confusion[index(of: truth, in: content)][index(of: reading, in: content)] += 1
            return 0
        case (_, _, .mistake(let id, let critical)) where !answer.isCorrect:
            mistakes[id, default: (critical, 0)].chosen += 1
            return critical ? 1 : 0
        default:
            return 0
        }
    }

    private func index(of category: String?, in content: AnalysisContent) -> Int {
        category.flatMap { id in content.categories.firstIndex { $0.id == id } } ?? content.categories.count
    }

    private func addGroups<Group: Hashable>(
        of sheet: AnswerSheet, points: Int, possible: Int, by group: (AnswerSheet.Answer) -> Group,
        into groups: inout [Group: GroupCounts]
    ) {
        var parts: [Group: (asked: Int, correct: Int, points: Int, possible: Int)] = [:]
        for answer in sheet.answers {
            let name = group(answer)
            var part = parts[name, default: (0, 0, 0, 0)]
            part.asked += 1
            part.correct += answer.isCorrect ? 1 : 0
            part.points += answer.points
            part.possible += answer.possiblePoints
            parts[name] = part
            groups[name, default: GroupCounts()].items.insert(
                ItemKey(vignette: answer.vignette, stage: answer.stage, kind: answer.kind))
        }
        for (name, part) in parts {
            var counts = groups[name, default: GroupCounts()]
            counts.answered += part.asked
            counts.correct += part.correct
            if sheet.isIndividuallyScored, possible > part.possible {
                let rest = Double(points - part.points) / Double(possible - part.possible)
                counts.discrimination.add(Double(part.correct) / Double(part.asked), rest)
            }
            groups[name] = counts
        }
    }

    func analysis(of jurisdiction: String) -> JurisdictionAnalysis {
        let categories = (content?.categories.map(\.id) ?? []) + ["none"]
        let names = (content?.categories.map(\.name) ?? []) + ["Does not meet protocol criteria"]
        return JurisdictionAnalysis(
            jurisdiction: jurisdiction, records: records, groupAttendanceRecords: groupAttendance,
            items: items.keys.sorted().map { key in itemStatistics(key, items[key]!) },
            byKind: kinds.keys.sorted().map { groupStatistics($0, kinds[$0]!) },
            byStage: stages.keys.sorted().map { groupStatistics(String($0), stages[$0]!) },
            mistakes: mistakes.map { MistakeCount(mistake: $0.key, critical: $0.value.critical, chosen: $0.value.chosen) }
                .sorted { ($1.chosen, $0.mistake) < ($0.chosen, $1.mistake) },
            criticalMistakes: critical.keys.sorted().map { who in
                let counts = critical[who]!
                return CriticalMistakeCount(
                    school: who.school, role: who.role, attempts: counts.attempts, attemptsWithCritical: counts.withCritical,
                    criticalChosen: counts.chosen)
            },
            confusion: ConfusionMatrix(categories: categories, names: names, counts: confusion),
            unmatchedAnswers: unmatched)
    }

    private func itemStatistics(_ key: ItemKey, _ counts: ItemCounts) -> ItemStatistics {
        ItemStatistics(
            item: key, answered: counts.answered, correct: counts.correct,
            facility: Double(counts.correct) / Double(max(1, counts.answered)),
            discrimination: counts.discrimination.value, discriminationAttempts: counts.discrimination.count,
            wrongOptions: counts.wrong.map { option, chosen in
                let meaning = content?.meaning(of: option)
                guard case .mistake(let id, let critical) = meaning else {
                    return OptionCount(option: option, chosen: chosen)
                }
                return OptionCount(option: option, chosen: chosen, mistake: id, critical: critical)
            }
            .sorted { ($1.chosen, $0.option) < ($0.chosen, $1.option) })
    }

    private func groupStatistics(_ name: String, _ counts: GroupCounts) -> GroupStatistics {
        GroupStatistics(
            group: name, items: counts.items.count, answered: counts.answered, correct: counts.correct,
            facility: Double(counts.correct) / Double(max(1, counts.answered)),
            discrimination: counts.discrimination.value, discriminationAttempts: counts.discrimination.count)
    }
}
