import ContentLoading
import Foundation
import ProtocolEngine
import TestSupport
import Testing

struct CitationTests {
    static let jurisdictions = Fixtures.jurisdictionIDs

    @Test(arguments: jurisdictions)
    func everyStepCitesAnExistingSeed(_ id: String) throws {
        let jurisdiction = try Fixtures.jurisdiction(id)
        for category in jurisdiction.categories {
            for step in category.steps {
                let citation = jurisdiction.citation(of: step.number, in: category)
                #expect(citation.step == step.number)
                #expect(citation.category == category.id)
                let seed = Fixtures.seedsDirectory.appending(path: citation.seed)
                #expect(FileManager.default.fileExists(atPath: seed.path), "\(citation) names a missing seed")
            }
        }
    }

    /// The wording of each step stays close to the printed text: nearly all of its words are
    /// words of the seed. Catches invented or mistyped wording.
    @Test(arguments: jurisdictions)
    func stepWordingComesFromTheSeed(_ id: String) throws {
        let jurisdiction = try Fixtures.jurisdiction(id)
        let seedText = try String(contentsOf: Fixtures.seedsDirectory.appending(path: jurisdiction.source.seed), encoding: .utf8)
        let seedWords = Set(words(in: seedText))
        for category in jurisdiction.categories {
            for step in category.steps {
                let stepWords = words(in: step.wording)
                let missing = stepWords.filter { !seedWords.contains($0) }
                #expect(
                    Double(missing.count) <= Double(stepWords.count) * 0.1,
                    "\(id) \(category.id) step \(step.number): words not in the seed: \(missing)")
            }
        }
    }

    static let sharedSeeds = Fixtures.repositoryRoot.deletingLastPathComponent().appending(path: "shared/seeds")

    /// The seeds shipped in Scoring/seeds are the ones in ../shared/seeds (present beside CI's clone).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedSeeds.path)), arguments: jurisdictions)
    func shippedSeedMatchesSharedSeed(_ id: String) throws {
        let seed = try Fixtures.jurisdiction(id).source.seed
        let shared = Self.sharedSeeds.appending(path: seed)
        let shipped = try Data(contentsOf: Fixtures.seedsDirectory.appending(path: seed))
        #expect(try Data(contentsOf: shared) == shipped)
    }

    private func words(in text: String) -> [String] {
        text.lowercased()
            .replacingOccurrences(of: "$", with: "s")
            .split { !$0.isLetter }
            .map(String.init)
            .filter { $0.count >= 4 }
    }
}
