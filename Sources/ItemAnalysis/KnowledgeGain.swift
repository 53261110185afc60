import Records

/// Computes the knowledge gain between people's pre-tests and the training that followed them.
/// Pure: the same attempts and content give the same report, whatever their order.
///
/// Pairing: a person's attempts (``Records/PersonKey``) in one jurisdiction, in the order they
/// were completed (a pre-test first within the same second); each training attempt is paired
/// with the latest pre-test completed before it and after their previous training attempt, if
/// any. A pre-test followed by another pre-test before any training is left unpaired (the nearer
/// one says what the person knew when the training began); so is a pre-test with no training
/// after it. Refreshers are not read.
public struct KnowledgeGain: Sendable {
    /// The content of each jurisdiction, by id: which category each category question's correct
    /// option is. Without it, a jurisdiction's pairs count everywhere but per category.
    public var content: [String: AnalysisContent]

    public init(content: [String: AnalysisContent]) {
        self.content = content
    }

    /// One individually scored attempt, as the knowledge gain reads it.
    public struct Attempt: Sendable, Equatable {
        /// The record's id, to order attempts completed in the same second.
        public var id: String
        public var person: PersonKey
        public var jurisdiction: String
        public var district: String?
        public var school: String?
        public var role: String?
        public var purpose: AttemptPurpose
        public var completedAt: Timestamp
        public var answers: [AnswerSheet.Answer]

        public init(
            id: String, person: PersonKey, jurisdiction: String, district: String?, school: String?, role: String?,
            purpose: AttemptPurpose, completedAt: Timestamp, answers: [AnswerSheet.Answer]
        ) {
            self.id = id
            self.person = person
            self.jurisdiction = jurisdiction
            self.district = district
            self.school = school
            self.role = role
            self.purpose = purpose
            self.completedAt = completedAt
            self.answers = answers
        }

        /// The attempt of `sheet`; nil for group attendance (nobody scored alone) and refreshers.
        public init?(_ sheet: AnswerSheet) {
            guard sheet.isIndividuallyScored, sheet.purpose != .refresher else { return nil }
            self.init(
                id: sheet.id, person: sheet.person, jurisdiction: sheet.jurisdiction, district: sheet.district,
                school: sheet.school, role: sheet.role, purpose: sheet.purpose, completedAt: sheet.completedAt,
                answers: sheet.answers)
        }

        /// The attempt of `record`; nil for group attendance (nobody scored alone) and refreshers.
        public init?(_ record: CompletionRecord) {
            self.init(AnswerSheet(record))
        }
    }

    /// A pre-test and the training attempt it is paired with.
    struct Pair {
        var pre: Attempt
        var post: Attempt
    }

    /// Every jurisdiction of `sheets` with a pre-test, by id: the attempts of the people who took
    /// a pre-test.
    public func report(of sheets: [AnswerSheet]) -> KnowledgeGainReport {
        let tested = Set(sheets.indices.lazy.filter { sheets[$0].purpose == .preTest }.map { sheets[$0].person })
        return report(of: tested.isEmpty ? [] : sheets.filter { tested.contains($0.person) }.compactMap(Attempt.init))
    }

    /// Every jurisdiction with a pre-test, by id.
    public func report(of attempts: [Attempt]) -> KnowledgeGainReport {
        let byJurisdiction = Dictionary(grouping: attempts.filter { $0.purpose != .refresher }, by: \.jurisdiction)
        let jurisdictions = byJurisdiction.keys.filter { id in byJurisdiction[id]!.contains { $0.purpose == .preTest } }
        return KnowledgeGainReport(
            jurisdictions: jurisdictions.sorted().map { gain(of: $0, attempts: byJurisdiction[$0]!) })
    }

    /// The pairs of one jurisdiction's attempts, by person and then in the order completed.
    static func pairs(of attempts: [Attempt]) -> [Pair] {
        var pairs: [Pair] = []
        let byPerson = Dictionary(grouping: attempts, by: \.person.value)
        for person in byPerson.keys.sorted() {
            var pending: Attempt?
            for attempt in byPerson[person]!.sorted(by: { ($0.completedAt, $0.rank, $0.id) < ($1.completedAt, $1.rank, $1.id) }) {
                switch attempt.purpose {
                case .preTest: pending = attempt
                case .training:
                    if let pre = pending { pairs.append(Pair(pre: pre, post: attempt)) }
                    pending = nil
                case .refresher: continue
                }
            }
        }
        return pairs
    }

    private func gain(of jurisdiction: String, attempts: [Attempt]) -> JurisdictionGain {
        let content = content[jurisdiction]
        let pairs = Self.pairs(of: attempts).filter { $0.pre.possiblePoints > 0 && $0.post.possiblePoints > 0 }
        var overall = PairedScores()
        var districts: [String: PairedScores] = [:]
        var schools: [String: PairedScores] = [:]
        var roles: [String: PairedScores] = [:]
        var categories: [String: PairedScores] = [:]
        for pair in pairs {
            let (pre, post) = (pair.pre.percent, pair.post.percent)
            overall.add(pre: pre, post: post)
            districts[pair.post.district ?? "", default: PairedScores()].add(pre: pre, post: post)
            schools[pair.post.school ?? "", default: PairedScores()].add(pre: pre, post: post)
            roles[pair.post.role ?? "", default: PairedScores()].add(pre: pre, post: post)
            guard let content else { continue }
            let before = pair.pre.pointsByCategory(content)
            let after = pair.post.pointsByCategory(content)
            for (category, points) in before {
                guard let later = after[category], points.possible > 0, later.possible > 0 else { continue }
                categories[category, default: PairedScores()].add(pre: points.percent, post: later.percent)
            }
        }
        let order = (content?.categories.map(\.id) ?? []) + ["none"]
        return JurisdictionGain(
            jurisdiction: jurisdiction, preTests: attempts.count(where: { $0.purpose == .preTest }), pairs: pairs.count,
            overall: overall.statistics("all"),
            byDistrict: districts.keys.sorted().compactMap { districts[$0]!.statistics($0) },
            bySchool: schools.keys.sorted().compactMap { schools[$0]!.statistics($0) },
            byRole: roles.keys.sorted().compactMap { roles[$0]!.statistics($0) },
            byCategory: order.compactMap { categories[$0]?.statistics($0) })
    }
}

/// Points scored out of points possible.
struct Points: Sendable, Equatable {
    var points = 0
    var possible = 0

    /// 100 × points / possible.
    var percent: Double { 100 * Double(points) / Double(possible) }
}

extension KnowledgeGain.Attempt {
    var possiblePoints: Int { answers.reduce(0) { $0 + $1.possiblePoints } }

    /// A pre-test before a training attempt completed in the same second (records keep whole
    /// seconds): the pre-test comes first by definition.
    var rank: Int { purpose == .preTest ? 0 : 1 }

    /// The attempt's score: 100 × its points / the points possible on its questions.
    var percent: Double {
        Points(points: answers.reduce(0) { $0 + $1.points }, possible: possiblePoints).percent
    }

    /// The points of the questions asked under each situation category. A question counts under
    /// the category in force at its stage of its vignette: the correct option of the vignette's
    /// latest category question at that stage or before (a category question is asked at the
    /// first stage and whenever the category changes). Category and next-step questions both
    /// count; a question under a category the content does not know is left out.
    func pointsByCategory(_ content: AnalysisContent) -> [String: Points] {
        var byCategory: [String: Points] = [:]
        for vignette in Dictionary(grouping: answers, by: \.vignette).values {
            var current: String?
            for answer in vignette.sorted(by: { ($0.stage, $0.kindOrder) < ($1.stage, $1.kindOrder) }) {
                if answer.kind == "category" {
                    if case .category(let id) = content.meaning(of: answer.correctOption) {
                        current = id ?? "none"
                    } else {
                        current = nil
                    }
                }
                guard let current else { continue }
                byCategory[current, default: Points()].points += answer.points
                byCategory[current, default: Points()].possible += answer.possiblePoints
            }
        }
        return byCategory
    }
}

extension AnswerSheet.Answer {
    /// A stage's category question before its next-step question.
    fileprivate var kindOrder: Int { kind == "category" ? 0 : 1 }
}
