import ContentLoading
import Foundation
import ScenarioEngine
import TestSupport
import Testing

/// The content rules of docs/vignette-format.md that a machine can check: no language that
/// labels or blames the young person, nothing graphic, and short texts.
struct ContentSafetyTests {
    /// Terms a trauma-informed training never uses for a young person, with what to say instead.
    static let bannedTerms: [(pattern: String, instead: String)] = [
        ("prostitut\\w*", "“commercially sexually exploited youth”"),
        ("hookers?", "“exploited youth”"),
        ("whores?", "“exploited youth”"),
        ("pimp\\w*", "“trafficker” or “exploiter”"),
        ("sex workers?", "“exploited youth”"),
        ("underage (?:woman|women|man|men)", "“student” or “youth”"),
        ("promiscuous", "a description of the observable indicator"),
        ("jailbait", "“student” or “youth”"),
        ("asking for it", "nothing: the youth is never to blame"),
    ]

    /// Words that would make a vignette graphic rather than about observable indicators.
    static let graphicTerms = ["rape\\w*", "intercourse", "genital\\w*", "penetrat\\w*", "naked", "nude\\w*", "oral sex"]

    /// Every vignette file's name and text, read once.
    static let files = Result {
        try FileManager.default.contentsOfDirectory(at: Fixtures.content.scenariosDirectory, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .map { (name: $0.lastPathComponent, text: try String(contentsOf: $0, encoding: .utf8)) }
    }

    @Test func theBankIsThereToCheck() throws {
        #expect(try Self.files.get().count >= 40)
    }

    @Test(arguments: bannedTerms.map(\.pattern) + graphicTerms)
    func noVignetteUses(_ pattern: String) throws {
        let expression = try Regex("\\b\(pattern)\\b").ignoresCase()
        let instead = Self.bannedTerms.first { $0.pattern == pattern }?.instead ?? "a non-graphic description"
        for file in try Self.files.get() {
            #expect(file.text.firstMatch(of: expression) == nil, "\(file.name) uses “\(pattern)”; say \(instead)")
        }
    }

    @Test func theCommonMistakesFileIsCleanToo() throws {
        let text = try String(contentsOf: Fixtures.repositoryRoot.appending(path: "Scoring/mistakes.yaml"), encoding: .utf8)
        for pattern in Self.bannedTerms.map(\.pattern) + Self.graphicTerms {
            #expect(text.firstMatch(of: try Regex("\\b\(pattern)\\b").ignoresCase()) == nil, "mistakes.yaml uses “\(pattern)”")
        }
    }

    @Test func narrativesAreShort() throws {
        for vignette in try Fixtures.trainingContent().vignettes {
            #expect(wordCount(vignette.narrative) <= 150, "\(vignette.id): keep the narrative to two or three short paragraphs")
            for stage in vignette.stages {
                #expect(wordCount(stage.narrative ?? "") <= 100, "\(vignette.id): keep stage updates short")
            }
        }
    }

    @Test func theBankIsDiverseInRolesAndDifficulty() throws {
        let tags = try Fixtures.trainingContent().vignettes.map(\.tags)
        #expect(Set(tags.flatMap(\.audience)).count >= 6)
        #expect(Set(tags.map(\.difficulty)) == Set(Difficulty.allCases))
    }

    private func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).count
    }
}
