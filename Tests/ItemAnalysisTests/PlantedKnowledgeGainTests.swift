import Foundation
import ItemAnalysis
import ProtocolEngine
import Records
import ScenarioEngine
import Testing
import Training

/// The knowledge gain of records of a real training plan (Marin's protocol, the bundled
/// vignettes), answered all right or all wrong as planted: every group's figures come out as
/// planted.
@Suite struct PlantedKnowledgeGainTests {
    let planted: PlantedRecords

    init() throws {
        planted = try PlantedRecords(count: 8)
    }

    var gain: KnowledgeGain {
        KnowledgeGain(content: planted.analysis.analysis.content)
    }

    /// `person`'s pre-test (answered right where `preRight`) and their training after it (right
    /// where `postRight`).
    func pair(
        _ person: String, school: String, role: String, preRight: (Question) -> Bool, postRight: (Question) -> Bool
    ) -> [CompletionRecord] {
        [
            attempt(person, school: school, role: role, .preTest, right: preRight, after: 0),
            attempt(person, school: school, role: role, .training, right: postRight, after: 3_600),
        ]
    }

    func attempt(
        _ person: String, school: String, role: String, _ purpose: AttemptPurpose, right: (Question) -> Bool,
        after seconds: Double
    ) -> CompletionRecord {
        var record = planted.record(school: school, role: role) { _, question in
            right(question) ? question.correctOptionID : question.options.first { $0.id != question.correctOptionID }!.id
        }
        record.trainee.name = person
        record.purpose = purpose == .training ? nil : purpose
        record.completedAt = Timestamp(record.completedAt.date.addingTimeInterval(seconds), utcOffsetSeconds: 0)
        return record
    }

    static func figures(_ groups: [GainStatistics]) -> [String: [Double?]] {
        Dictionary(
            uniqueKeysWithValues: groups.map { group in
                (group.group, [Double(group.pairs), group.meanPre, group.meanPost, group.meanDifference, group.normalisedGain])
            })
    }

    static func close(_ found: [String: [Double?]], _ expected: [String: [Double?]]) -> Bool {
        found.keys.sorted() == expected.keys.sorted()
            && found.allSatisfy { key, values in
                zip(values, expected[key]!).allSatisfy { a, b in
                    switch (a, b) {
                    case (nil, nil): true
                    case (let a?, let b?): abs(a - b) < 1e-9
                    default: false
                    }
                }
            }
    }

    @Test func eachSchoolAndRoleGainsAsPlanted() throws {
        let (none, all): ((Question) -> Bool, (Question) -> Bool) = ({ _ in false }, { _ in true })
        let records =
            (1...3).flatMap { pair("Teacher \($0)", school: "Redwood High", role: "teacher", preRight: none, postRight: all) }
            + pair("Counselor 1", school: "Redwood High", role: "counselor", preRight: all, postRight: none)
            + (2...3).flatMap { pair("Counselor \($0)", school: "Tam High", role: "counselor", preRight: all, postRight: all) }
        let report = gain.report(of: records.compactMap(KnowledgeGain.Attempt.init))
        let marin = try #require(report.jurisdictions.first)
        #expect(report.jurisdictions.count == 1)
        #expect(marin.preTests == 6)
        #expect(marin.pairs == 6)
        // Redwood: 100, 100, 100 and −100 points; Tam: 0 and 0 from a perfect pre-test.
        let schools: [String: [Double?]] = ["Redwood High": [4, 25, 75, 50, 2.0 / 3], "Tam High": [2, 100, 100, 0, nil]]
        #expect(Self.close(Self.figures(marin.bySchool), schools))
        let roles: [String: [Double?]] = [
            "teacher": [3, 0, 100, 100, 1], "counselor": [3, 100, 200.0 / 3, -100.0 / 3, nil],
        ]
        #expect(Self.close(Self.figures(marin.byRole), roles))
        let district: [String: [Double?]] = ["": [6, 50, 250.0 / 3, 100.0 / 3, 2.0 / 3]]
        #expect(Self.close(Self.figures(marin.byDistrict), district))
        #expect(marin.overall?.pairs == 6)
    }

    /// The category in force at each question, from the plan's questions themselves: the latest
    /// category question of its vignette at its stage or before.
    var categoryOfQuestion: [String: String] {
        var categories: [String: String] = [:]
        for vignette in Dictionary(grouping: planted.plan.questions, by: \.vignette.id).values {
            var current: String?
            for question in vignette.sorted(by: {
                ($0.stage, $0.kind == .category ? 0 : 1) < ($1.stage, $1.kind == .category ? 0 : 1)
            }) {
                if question.kind == .category, case .category(let id)? = question.correctOption?.origin {
                    current = id?.rawValue ?? "none"
                }
                categories[question.id] = current
            }
        }
        return categories
    }

    @Test func eachCategoryGainsAsPlanted() throws {
        let categoryOfQuestion = categoryOfQuestion
        let asked = Set(categoryOfQuestion.values)
        let known = try #require(asked.sorted().first)
        // Right before the training on the questions of one category only, everything right after.
        let records = (1...2).flatMap { index in
            pair(
                "Person \(index)", school: "Redwood High", role: "teacher",
                preRight: { categoryOfQuestion[$0.id] == known }, postRight: { _ in true })
        }
        let marin = try #require(gain.report(of: records.compactMap(KnowledgeGain.Attempt.init)).jurisdictions.first)
        var expected: [String: [Double?]] = [:]
        for category in asked {
            expected[category] = category == known ? [2, 100, 100, 0, nil] : [2, 0, 100, 100, 1]
        }
        #expect(asked.count >= 2)
        #expect(Self.close(Self.figures(marin.byCategory), expected))
        // In the county's order, "none" last.
        let order = planted.jurisdiction.categories.map(\.id.rawValue) + ["none"]
        #expect(marin.byCategory.map(\.group) == order.filter(asked.contains))
    }

    @Test func groupAttendanceAndRefreshersAreNotRead() {
        var refresher = planted.record { _, question in question.correctOptionID }
        refresher.purpose = .refresher
        let attendance = planted.record(attendance: true) { _, question in question.correctOptionID }
        #expect(KnowledgeGain.Attempt(refresher) == nil)
        #expect(KnowledgeGain.Attempt(attendance) == nil)
        #expect(KnowledgeGain.Attempt(planted.record { _, question in question.correctOptionID }) != nil)
    }
}
