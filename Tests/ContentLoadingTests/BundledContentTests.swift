import ContentLoading
import Foundation
import ProtocolEngine
import TestSupport
import Testing

struct BundledContentTests {
    @Test func loadsTheFiveCountyProtocols() throws {
        let library = try Fixtures.library()
        #expect(library.jurisdictionIDs == ["marin", "orange-county", "san-diego", "san-mateo", "sro-flowchart"])
        #expect(Set(library.jurisdictionIDs) == Set(Fixtures.jurisdictionIDs))
        #expect(Set(library.protocols.map(\.source.seed)).count == 5)
    }

    @Test func phoneNumbersAreKeptAsPrinted() throws {
        let library = try Fixtures.library()
        let phones = library.protocols.flatMap(\.contacts).compactMap(\.phone)
        for phone in ["650-692-7273", "(415) 473-7153", "(888) 373-7888", "(415) 499-5849", "800-207-4464"] {
            #expect(phones.contains(phone))
        }
    }

    @Test func aNewJurisdictionInAnotherDirectoryNeedsNoCodeChange() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try InventedCounty.yaml.write(to: directory.appending(path: InventedCounty.fileName), atomically: true, encoding: .utf8)

        let library = try Fixtures.content.loadLibrary(protocolsIn: directory)
        let lakeview = try #require(library.jurisdiction("lakeview"))
        let engine = library.engine

        #expect(engine.classify(Facts(indicators: ["frequently-absent"]), under: lakeview).category == nil)
        #expect(
            engine.classify(Facts(indicators: ["frequently-absent", "substance-use-alcohol"]), under: lakeview).category
                == "at-risk")
        let victim = engine.answerKey(for: Facts(indicators: ["survival-sex"]), under: lakeview)
        #expect(victim.classification.category == "any-exploitation")
        #expect(victim.nextStep?.actions == ["involve-law-enforcement"])
        let guardian = Facts(indicators: ["survival-sex"], flags: [.guardianIsSuspectedExploiter])
        let category = try #require(lakeview.category("any-exploitation"))
        let afterCall = engine.nextStep(in: category, of: lakeview, facts: guardian, progress: CaseProgress(completedSteps: [1]))
        #expect(afterCall.kind == .complete)
        #expect(afterCall.skipped.map(\.number) == [2])
    }

    @Test func allErrorsOfADirectoryAreReportedTogether() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try InventedCounty.yaml.write(to: directory.appending(path: "a.yaml"), atomically: true, encoding: .utf8)
        try InventedCounty.yaml.write(to: directory.appending(path: "b.yaml"), atomically: true, encoding: .utf8)
        try "format: 1\nid: [".write(to: directory.appending(path: "c.yaml"), atomically: true, encoding: .utf8)

        let vocabulary = try Fixtures.content.loadVocabulary()
        let error = #expect(throws: ContentError.self) {
            try ContentDirectory.loadProtocols(in: directory, vocabulary: vocabulary)
        }
        let all = try #require(error?.all)
        #expect(all.count == 2)
        #expect(all.contains { if case .duplicateJurisdiction("lakeview", _) = $0 { true } else { false } })
        #expect(all.contains { $0.description.contains("c.yaml:") })
    }

    @Test func anEmptyDirectoryIsAClearError() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let vocabulary = try Fixtures.content.loadVocabulary()
        #expect(throws: ContentError.noProtocols(directory: directory.standardizedFileURL.path)) {
            try ContentDirectory.loadProtocols(in: directory, vocabulary: vocabulary)
        }
    }
}
