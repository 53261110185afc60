import Foundation
import ScenarioEngine
import TestSupport
import Testing

@testable import ContentLoading

/// The files that made the loader hang (issue 10, section 7) each fail fast, with the limit
/// they went past at the place where they went past it; files at a limit still load.
struct ContentLimitTests {
    struct Bomb: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: @Sendable () -> String
        var limit: ContentLimit
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static let bombs = [
        Bomb(
            name: "lists 100,000 deep", yaml: { ContentBombs.nestedLists(depth: 100_000) }, limit: .nestingDepth, line: 1,
            column: 65),
        Bomb(
            name: "block lists 100,000 deep", yaml: { ContentBombs.nestedBlockLists(depth: 100_000) }, limit: .nestingDepth,
            line: 1, column: 129),
        Bomb(
            name: "mappings 100,000 deep",
            yaml: { String(repeating: "{a: ", count: 100_000) + "b" + String(repeating: "}", count: 100_000) },
            limit: .nestingDepth, line: 1, column: 257),
        Bomb(
            name: "an alias that nests a list 40 deep inside one 31 deep",
            yaml: {
                "a: &a " + ContentBombs.nestedLists(depth: 40) + "b: "
                    + ContentBombs.nestedLists(depth: 30).replacing("[]", with: "[*a]")
            },
            limit: .nestingDepth, line: 2, column: 34),
        Bomb(
            name: "a mapping of 60,000 keys", yaml: { ContentBombs.keys(60_000) }, limit: .keysPerMapping, line: 1001, column: 1),
        Bomb(
            name: "merge keys that bring in 1,200 keys",
            yaml: {
                "a: &a {" + (0..<600).map { "k\($0): 1" }.joined(separator: ", ") + "}\n"
                    + "b: &b {" + (0..<600).map { "m\($0): 1" }.joined(separator: ", ") + "}\n"
                    + "c: {<<: [*a, *b]}\n"
            },
            limit: .keysPerMapping, line: 3, column: 4),
        Bomb(
            name: "merge keys chained 40 levels", yaml: { ContentBombs.mergeChain(levels: 40) }, limit: .values, line: 12,
            column: 21),
        Bomb(name: "a billion laughs", yaml: { ContentBombs.aliasBomb(levels: 9) }, limit: .values, line: 5, column: 10),
        Bomb(
            name: "a list of 10,001 texts", yaml: { "[" + Array(repeating: "a", count: 10_001).joined(separator: ", ") + "]" },
            limit: .values, line: 1, column: 30_002),
        Bomb(
            name: "a title of 10,001 characters", yaml: { ContentBombs.longText(length: 10_001) }, limit: .textLength, line: 1,
            column: 8),
        Bomb(
            name: "a quote never closed", yaml: { "title: \"" + ContentBombs.longText(key: "narrative", length: 20_000) + "\"" },
            limit: .textLength, line: 1, column: 8),
        Bomb(
            name: "1.2 MiB of comments", yaml: { ContentBombs.comments(lines: 20_000) }, limit: .fileSize, line: 16_385, column: 1
        ),
    ]

    @Test(arguments: bombs)
    func aBombFailsFastAtThePlaceItGoesPastItsLimit(_ bomb: Bomb) throws {
        let library = try Fixtures.library()
        let yaml = bomb.yaml()
        var error: ContentError?
        let duration = threadCPUTime {
            error = #expect(throws: ContentError.self) {
                try ContentParser.vignette(fromYAML: yaml, fileName: "bomb.yaml", library: library)
            }
        }
        #expect(
            error
                == .invalid(
                    file: "bomb.yaml", at: SourceLocation(line: bomb.line, column: bomb.column), problem: .overLimit(bomb.limit)))
        #expect(duration < ContentBombs.timeBound)
    }

    static let atTheLimits: [(String, @Sendable () -> String)] = [
        ("lists 64 deep", { ContentBombs.nestedLists(depth: 64) }),
        ("block lists 64 deep", { ContentBombs.nestedBlockLists(depth: 64) }),
        ("a mapping of 1,000 keys", { ContentBombs.keys(1_000) }),
        ("merge keys chained 9 levels", { ContentBombs.mergeChain(levels: 10) }),
        ("an alias bomb of 8,306 values", { ContentBombs.aliasBomb(levels: 4) }),
        ("a list of 9,999 texts", { "[" + Array(repeating: "a", count: 9_999).joined(separator: ", ") + "]" }),
        ("a title of 10,000 characters", { ContentBombs.longText(length: 10_000) }),
        ("a title of 10,000 characters of two bytes", { "title: " + String(repeating: "é", count: 10_000) }),
        ("exactly 1 MiB", { ContentBombs.comments(lines: 16_384) }),
    ]

    @Test(arguments: atTheLimits)
    func aDocumentAtTheLimitsIsRead(_ name: String, _ yaml: @Sendable () -> String) throws {
        #expect(throws: Never.self) { try YAMLComposer.compose(yaml()) }
    }

    @Test func aRepeatedKeyIsStillFoundAmongAThousand() throws {
        let yaml = ContentBombs.keys(999) + "k0: again\n"
        #expect {
            try YAMLComposer.compose(yaml)
        } throws: { error in
            (error as? YAMLSyntaxError)?.location == SourceLocation(line: 1_000, column: 1)
                && (error as? YAMLSyntaxError)?.problem.contains("the key k0 appears twice") == true
        }
    }

    /// Looking for the known id closest to an unknown one once took the product of their
    /// lengths: ten unknown ids as long as a value may be took 15 s in a debug build.
    @Test func unknownIDsAsLongAsAValueMayBeAreReportedFast() throws {
        let library = try Fixtures.library()
        let id = String(repeating: "y", count: ContentLimit.textLength.maximum)
        let yaml = """
            format: 1
            id: long-ids
            title: Long ids
            tags: {audience: [teacher], difficulty: introductory}
            narrative: A student.
            facts:
              indicators: [\(Array(repeating: id, count: 10).joined(separator: ", "))]
            """
        var error: ContentError?
        let duration = threadCPUTime {
            error = #expect(throws: ContentError.self) {
                try ContentParser.vignette(fromYAML: yaml, fileName: "long-ids.yaml", library: library)
            }
        }
        let problems = (error?.all ?? []).map { error -> ContentProblem? in
            if case .invalid(_, _, let problem) = error { problem } else { nil }
        }
        #expect(problems == Array(repeating: .unknownIndicator(id, suggestion: nil), count: 10))
        #expect(duration < ContentBombs.timeBound)
    }

    @Test func aVignetteWithAShortChainOfMergeKeysStillLoads() throws {
        let library = try Fixtures.library()
        let file = Fixtures.repositoryRoot.appending(path: "Scenarios/absences-and-alcohol.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8) + ContentBombs.mergeChain(levels: 5)
        let vignette = try ContentParser.vignette(fromYAML: yaml, fileName: "absences-and-alcohol.yaml", library: library)
        #expect(vignette.stages.count == 5)
        #expect(vignette.stages.allSatisfy { $0.done.isEmpty && $0.narrative == nil })
    }
}
