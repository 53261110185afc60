/// Who should take a refresher as of a date: each person with an individually scored pass, with
/// the refresher the ``RefresherSchedule`` says is due after their latest pass (counting the
/// refreshers they took since it), oldest due first. Group attendance completes training but finds no
/// one's own mistakes, so it starts no refreshers.
///
/// Pure: the completions, the schedule, the school years' first day and "today" are given.
public struct RefreshersDue: Sendable, Equatable {
    public var asOf: CalendarDate
    public var rows: [Row]

    public struct Row: Sendable, Equatable {
        public var trainee: Trainee
        /// The passed attempt the refresher follows.
        public var passed: CalendarDate
        public var passedRecordID: String
        /// The refresher due: its number (1 for the first) of how many are scheduled.
        public var number: Int
        public var scheduled: Int
        /// The day it fell due.
        public var dueSince: CalendarDate
        /// When the training itself is next due.
        public var nextTrainingDue: CalendarDate
    }

    public init(
        completions: [CompletionSummary], schedule: RefresherSchedule = .standard, schoolYearsLike year: SchoolYear,
        asOf: CalendarDate
    ) {
        self.asOf = asOf
        var byPerson: [PersonKey: [CompletionSummary]] = [:]
        for completion in completions where completion.completedAt.calendarDate <= asOf {
            byPerson[PersonKey(completion.trainee), default: []].append(completion)
        }
        rows = byPerson.values.compactMap { theirs -> Row? in
            let ordered = theirs.sorted { $0.completedAt < $1.completedAt }
            guard let pass = ordered.last(where: { Self.isScoredPass($0.outcome) }) else { return nil }
            let passed = pass.completedAt.calendarDate
            let taken = ordered.filter { $0.completedAt > pass.completedAt && Self.isRefresher($0.outcome) }.count
            let nextDue = RefresherSchedule.nextTrainingDue(afterPassingOn: passed, schoolYearsLike: year)
            guard let dueSince = schedule.due(passedOn: passed, nextDue: nextDue, refreshersTaken: taken, asOf: asOf)
            else { return nil }
            return Row(
                trainee: pass.trainee, passed: passed, passedRecordID: pass.id, number: taken + 1,
                scheduled: schedule.dates(afterPassingOn: passed, nextDue: nextDue).count, dueSince: dueSince,
                nextTrainingDue: nextDue)
        }
        .sorted { ($0.dueSince, $0.trainee.name.lowercased()) < ($1.dueSince, $1.trainee.name.lowercased()) }
    }

    static func isScoredPass(_ outcome: CompletionOutcome) -> Bool {
        if case .scored(_, passed: true) = outcome { true } else { false }
    }

    static func isRefresher(_ outcome: CompletionOutcome) -> Bool {
        if case .practice(.refresher, _) = outcome { true } else { false }
    }
}
