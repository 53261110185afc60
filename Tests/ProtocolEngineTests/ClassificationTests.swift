import ContentLoading
import ProtocolEngine
import TestSupport
import Testing

/// Classification rule tables: at-risk criteria edges, the suspicion rule and precedence.
struct ClassificationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var jurisdiction: String
        var indicators: [String] = []
        var flags: [CaseFlag] = []
        /// The situation whose category is expected, or nil for "does not meet protocol criteria".
        var expected: Situation?
        var testDescription: String { "\(jurisdiction): \(name)" }
    }

    static let atRiskJurisdictions = ["san-mateo", "marin", "orange-county"]
    static let noAtRiskTrack = ["san-diego", "sro-flowchart"]
    static let all = atRiskJurisdictions + noAtRiskTrack

    static let criteriaEdges: [Case] =
        atRiskJurisdictions.flatMap { id in
            [
                Case(name: "no facts", jurisdiction: id, expected: nil),
                Case(name: "one criteria-2 factor", jurisdiction: id, indicators: ["frequently-absent"], expected: nil),
                Case(
                    name: "two criteria-2 factors", jurisdiction: id,
                    indicators: ["frequently-absent", "justice-system-involvement"], expected: .atRisk),
                Case(
                    name: "one criteria-1 factor", jurisdiction: id, indicators: ["atypical-online-sexual-behavior"],
                    expected: .atRisk),
                Case(
                    name: "two indicators of one factor count once", jurisdiction: id,
                    indicators: ["runaway-history", "unstable-housing"], expected: nil),
                Case(
                    name: "an older controlling partner is being controlled (criteria 1)", jurisdiction: id,
                    indicators: ["older-controlling-partner"], expected: .atRisk),
                Case(
                    name: "cocaine use and truancy", jurisdiction: id,
                    indicators: ["substance-use-cocaine", "frequently-absent"], expected: .atRisk),
            ]
        } + [
            // San Mateo's substance factor is narrower: "specifically narcotics, opiates, crack/cocaine and amphetamines".
            Case(
                name: "alcohol use and truancy", jurisdiction: "san-mateo",
                indicators: ["substance-use-alcohol", "frequently-absent"], expected: nil),
            Case(
                name: "cannabis use and truancy", jurisdiction: "san-mateo",
                indicators: ["substance-use-cannabis", "frequently-absent"], expected: nil),
            Case(
                name: "alcohol use and truancy", jurisdiction: "marin",
                indicators: ["substance-use-alcohol", "frequently-absent"], expected: .atRisk),
            Case(
                name: "alcohol use and truancy", jurisdiction: "orange-county",
                indicators: ["substance-use-alcohol", "frequently-absent"], expected: .atRisk),
        ]
        + noAtRiskTrack.flatMap { id in
            [
                Case(
                    name: "criteria-1 factor, no at-risk track", jurisdiction: id,
                    indicators: ["atypical-online-sexual-behavior"], expected: nil),
                Case(
                    name: "two criteria-2 factors, no at-risk track", jurisdiction: id,
                    indicators: ["frequently-absent", "runaway-history"], expected: nil),
            ]
        }

    static let suspicionAndPrecedence: [Case] = all.flatMap { id in
        [
            Case(
                name: "one warning sign is not suspicion", jurisdiction: id, indicators: ["unexplained-money-or-gifts"],
                expected: nil),
            Case(
                name: "two warning signs", jurisdiction: id, indicators: ["unexplained-money-or-gifts", "hotel-keys"],
                expected: .suspectedVictim),
            Case(name: "one direct indicator", jurisdiction: id, indicators: ["survival-sex"], expected: .suspectedVictim),
            Case(name: "sextortion", jurisdiction: id, indicators: ["sextortion"], expected: .suspectedVictim),
            Case(name: "confirmed", jurisdiction: id, flags: [.exploitationConfirmed], expected: .confirmedVictim),
            Case(
                name: "confirmed outranks at-risk facts", jurisdiction: id, indicators: ["frequently-absent", "runaway-history"],
                flags: [.exploitationConfirmed], expected: .confirmedVictim),
            Case(name: "recruiting others", jurisdiction: id, flags: [.studentRecruitingOthers], expected: .suspectedRecruitment),
            Case(
                name: "a recruitment sign", jurisdiction: id, indicators: ["recruits-peers-to-older-adults"],
                expected: .suspectedRecruitment),
            Case(
                name: "a recruiting student who is also a suspected victim", jurisdiction: id,
                indicators: ["third-party-benefits"], flags: [.studentRecruitingOthers], expected: .suspectedVictim),
            Case(
                name: "case flags alone", jurisdiction: id, flags: [.guardianIsSuspectedExploiter, .imminentDanger], expected: nil
            ),
        ]
    }

    @Test(arguments: criteriaEdges + suspicionAndPrecedence)
    func classifies(_ testCase: Case) throws {
        let library = try Fixtures.library()
        let jurisdiction = try #require(library.jurisdiction(testCase.jurisdiction))
        let facts = Facts(indicators: Set(testCase.indicators.map { IndicatorID($0) }), flags: Set(testCase.flags))
        let result = library.engine.classify(facts, under: jurisdiction)

        let expectedCategory = testCase.expected.flatMap { jurisdiction.category(covering: $0)?.id }
        #expect(result.category == expectedCategory)
        #expect(result.meetsCriteria == (testCase.expected != nil))
        #expect(!result.reasons.isEmpty)
        if testCase.expected == nil {
            #expect(result.categoryName == Classification.doesNotMeetCriteriaName)
        }
    }

    @Test(arguments: noAtRiskTrack)
    func atRiskFactsWithoutAnAtRiskTrackSayWhy(_ id: String) throws {
        let library = try Fixtures.library()
        let jurisdiction = try #require(library.jurisdiction(id))
        let facts = Facts(indicators: ["atypical-online-sexual-behavior"])
        let result = library.engine.classify(facts, under: jurisdiction)
        #expect(result.category == nil)
        #expect(result.reasons.contains { $0.contains("prints no at risk track") })
    }

    @Test func orangeCountyMergesConfirmedRecruitmentAndSuspected() throws {
        let library = try Fixtures.library()
        let orange = try #require(library.jurisdiction("orange-county"))
        let cases: [Facts] = [
            Facts(flags: [.exploitationConfirmed]), Facts(flags: [.studentRecruitingOthers]), Facts(indicators: ["survival-sex"]),
        ]
        for facts in cases {
            #expect(library.engine.classify(facts, under: orange).category == "suspected-recruitment-or-victimization")
        }
    }

    @Test func criteriaReasonsQuoteTheCountysWording() throws {
        let library = try Fixtures.library()
        let sanMateo = try #require(library.jurisdiction("san-mateo"))
        let result = library.engine.classify(
            Facts(indicators: ["frequently-absent", "justice-system-involvement"]), under: sanMateo)
        #expect(result.reasons.contains { $0.contains("Child/youth is frequently truant from school") })
        let marin = try #require(library.jurisdiction("marin"))
        let marinResult = library.engine.classify(
            Facts(indicators: ["frequently-absent", "justice-system-involvement"]), under: marin)
        #expect(marinResult.reasons.contains { $0.contains("Student is frequently missing from school") })
    }

    @Test func lowerPrecedenceSituationsAreMentioned() throws {
        let library = try Fixtures.library()
        let marin = try #require(library.jurisdiction("marin"))
        let facts = Facts(indicators: ["survival-sex"], flags: [.studentRecruitingOthers])
        let result = library.engine.classify(facts, under: marin)
        #expect(result.situation == .suspectedVictim)
        #expect(result.findings.map(\.situation) == [.suspectedVictim, .suspectedRecruitment])
        #expect(result.reasons.contains { $0.contains("also show") })
    }
}
