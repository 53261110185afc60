extension Tally {
    /// The figures, sorted: items by vignette, stage and kind; groups by name; mistakes and
    /// wrong options most chosen first.
    func analysis(of jurisdiction: String) -> JurisdictionAnalysis {
        let categories = (content?.categories.map(\.id) ?? []) + ["none"]
        let names = (content?.categories.map(\.name) ?? []) + ["Does not meet protocol criteria"]
        return JurisdictionAnalysis(
            jurisdiction: jurisdiction, records: records, groupAttendanceRecords: groupAttendance,
            items: itemPositions.keys.sorted().map { itemStatistics($0, itemCounts[itemPositions[$0]!]) },
            byKind: kinds.keys.sorted().map { kind in
                groupStatistics(kind, kinds[kind]!, items: itemKeys.filter { $0.kind == kind }.count)
            },
            byStage: stages.keys.sorted().map { stage in
                groupStatistics(String(stage), stages[stage]!, items: itemKeys.filter { $0.stage == stage }.count)
            },
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
                guard case .mistake(let id, let critical) = content?.meaning(of: option) else {
                    return OptionCount(option: option, chosen: chosen)
                }
                return OptionCount(option: option, chosen: chosen, mistake: id, critical: critical)
            }
            .sorted { ($1.chosen, $0.option) < ($0.chosen, $1.option) })
    }

    private func groupStatistics(_ name: String, _ counts: GroupCounts, items: Int) -> GroupStatistics {
        GroupStatistics(
            group: name, items: items, answered: counts.answered, correct: counts.correct,
            facility: Double(counts.correct) / Double(max(1, counts.answered)),
            discrimination: counts.discrimination.value, discriminationAttempts: counts.discrimination.count)
    }
}
