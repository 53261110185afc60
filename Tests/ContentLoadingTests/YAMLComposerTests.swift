import Testing

@testable import ContentLoading

/// The document tree built from libyaml's events: where each node is, anchors and merge keys,
/// and the documents a content file may not be.
struct YAMLComposerTests {
    struct Broken: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var line: Int
        var column: Int
        var says: String
        var testDescription: String { name }
    }

    static let broken = [
        Broken(name: "a key twice", yaml: "a: 1\nb: 2\na: 3\n", line: 3, column: 1, says: "the key a appears twice"),
        Broken(name: "an alias without its anchor", yaml: "a: *nothing\n", line: 1, column: 4, says: "*nothing names no anchor"),
        Broken(name: "a second document", yaml: "a: 1\n---\nb: 2\n", line: 2, column: 1, says: "a second document"),
        Broken(name: "an unclosed list", yaml: "a: [1, 2\nb: 3\n", line: 2, column: 2, says: "flow sequence"),
        Broken(name: "a tab for indentation", yaml: "a:\n\tb: 1\n", line: 2, column: 1, says: "cannot start any token"),
        Broken(name: "a control character", yaml: "a: b\u{7}c\n", line: 1, column: 5, says: "control characters"),
    ]

    @Test(arguments: broken)
    func reportsWhereAndWhat(_ broken: Broken) {
        #expect {
            _ = try YAMLComposer.compose(broken.yaml)
        } throws: { error in
            guard let error = error as? YAMLSyntaxError else { return false }
            return error.location == SourceLocation(line: broken.line, column: broken.column)
                && error.problem.contains(broken.says)
        }
    }

    @Test func aFileWithoutContentHasNoRoot() throws {
        #expect(try YAMLComposer.compose("") == nil)
        #expect(try YAMLComposer.compose("# only a comment\n") == nil)
    }

    @Test func nodesKnowWhereTheyStart() throws {
        let root = try #require(try YAMLComposer.compose("a:\n  b: [x, \"y\"]\n"))
        #expect(root.location(of: DocumentPath() / "a" / "b" / 1) == SourceLocation(line: 2, column: 10))
        #expect(root.location(of: DocumentPath() / "a" / "b", pointingAtKey: true) == SourceLocation(line: 2, column: 3))
        #expect(root["a"]?["b"].map { node in if case .sequence(let items) = node.content { items.count } else { 0 } } == 2)
    }

    struct Tags: Decodable, Equatable {
        var difficulty: String
        var audience: [String]
    }

    @Test func anchorsAliasesAndMergeKeysAreResolved() throws {
        let yaml = """
            defaults: &defaults
              difficulty: basic
              audience: &everyone [teacher, counselor]
            tags:
              <<: *defaults
              difficulty: advanced
            again: *everyone
            """
        let root = try #require(try YAMLComposer.compose(yaml))
        let tags = try NodeDecoder(node: try #require(root["tags"])).decode(Tags.self)
        #expect(tags == Tags(difficulty: "advanced", audience: ["teacher", "counselor"]))
        #expect(try NodeDecoder(node: try #require(root["again"])).decode([String].self) == ["teacher", "counselor"])
    }
}
