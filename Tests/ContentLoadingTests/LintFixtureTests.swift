import ContentLoading
import Foundation
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing

/// `Fixtures/broken-scenarios/` holds one good vignette (`fine.yaml`), a pair of files with the
/// same id (`twin.yaml`, `twin.yml`), and twelve files with one fault each: fourteen distinct
/// faults. Loading the folder as `scenarios lint` does must report every fault at its file, line
/// and column, and nothing else.
struct LintFixtureTests {
    struct Fault: CustomTestStringConvertible, Sendable {
        var file: String
        var line: Int
        var column: Int
        var problem: @Sendable (ContentProblem) -> Bool
        var testDescription: String { file }
    }

    static let directory = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/broken-scenarios")

    static let faults: [Fault] = [
        Fault(file: "syntax-error.yaml", line: 7, column: 13) { if case .yamlSyntax = $0 { true } else { false } },
        Fault(file: "unknown-key.yaml", line: 4, column: 1) { if case .unknownKey("titel", _) = $0 { true } else { false } },
        Fault(file: "unknown-indicator.yaml", line: 11, column: 44) {
            if case .unknownIndicator("hotel-key", "hotel-keys") = $0 { true } else { false }
        },
        Fault(file: "unknown-flag.yaml", line: 12, column: 11) {
            if case .invalidValue("flags", "imminent-dangerous", _) = $0 { true } else { false }
        },
        Fault(file: "unknown-action.yaml", line: 15, column: 37) {
            if case .unknownAction("call-the-police", _) = $0 { true } else { false }
        },
        Fault(file: "unknown-jurisdiction.yaml", line: 17, column: 11) {
            if case .unknownJurisdiction("marine", _) = $0 { true } else { false }
        },
        Fault(file: "unknown-category.yaml", line: 17, column: 21) {
            if case .invalidValue("category", "victim", _) = $0 { true } else { false }
        },
        Fault(file: "wrong-category.yaml", line: 17, column: 21) {
            if case .expectationMismatch(let text) = $0 { text.contains("expects at-risk") } else { false }
        },
        Fault(file: "wrong-next-step.yaml", line: 17, column: 49) {
            if case .expectationMismatch(let text) = $0 { text.contains("stage 2") } else { false }
        },
        Fault(file: "bad-difficulty.yaml", line: 7, column: 15) {
            if case .invalidValue("difficulty", "hard", _) = $0 { true } else { false }
        },
        Fault(file: "newer-format.yaml", line: 2, column: 9) {
            if case .unsupportedFormat(found: "2", _) = $0 { true } else { false }
        },
        Fault(file: "not-the-file-name.yaml", line: 3, column: 5) {
            $0 == .idIsNotFileName(id: "another-name", fileName: "not-the-file-name")
        },
        Fault(file: "twin.yml", line: 3, column: 5) {
            if case .duplicateVignette(id: "twin", let other) = $0 { other.hasSuffix("twin.yaml") } else { false }
        },
        Fault(file: "no-narrative.yaml", line: 2, column: 1) {
            if case .missingKey("narrative", _) = $0 { true } else { false }
        },
    ]

    static func lint() throws -> ScenarioBank {
        try ScenarioBank.load(from: directory, library: Fixtures.library(), checkingExpectations: true)
    }

    @Test(arguments: faults)
    func eachFaultIsReportedAtItsPlace(_ fault: Fault) throws {
        let errors = try #require(try Self.lint().error).all
        let found = errors.filter { $0.file?.hasSuffix("/" + fault.file) ?? false }
        try #require(found.count == 1, "\(found)")
        guard case .invalid(_, let location, let problem) = found[0] else {
            Issue.record("not a located problem: \(found[0])")
            return
        }
        #expect(location == SourceLocation(line: fault.line, column: fault.column))
        #expect(fault.problem(problem), "\(problem)")
    }

    @Test func nothingElseIsReported() throws {
        let bank = try Self.lint()
        let errors = try #require(bank.error).all
        #expect(errors.count == Self.faults.count)
        #expect(Set(errors.compactMap { $0.file.map { URL(filePath: $0).lastPathComponent } }) == Set(Self.faults.map(\.file)))
        #expect(Set(bank.vignettes.map(\.id)) == ["fine", "twin"])
    }
}
