import Foundation
import Records
import TestSupport
import Testing
import XAPI

/// Which statements a record gives, in order: the cmi5 order, practice never completes, group
/// attendance is attended (and completed only when the whole session was covered), and the
/// policy's pass or fail stands whatever the score.
struct RecordStatementsTests {
    static let statements = RecordStatements(
        actors: ActorPolicy(homePage: URL(string: "https://district.example.org")!, pseudonymSecret: Data("test secret".utf8)))

    struct VerbCase: Sendable, CustomTestStringConvertible {
        var name: String
        var record: @Sendable () throws -> CompletionRecord
        var verbs: [String]
        var testDescription: String { name }
    }

    static let verbCases: [VerbCase] = [
        VerbCase(
            name: "v1 self-paced, passed", record: { try FrozenRecords.record("record-v1.json") },
            verbs: ["initialized", "answered", "answered", "passed", "completed", "terminated"]),
        VerbCase(
            name: "v2 group attendance, whole session", record: { try FrozenRecords.record("record-v2-attendance.json") },
            verbs: ["attended", "completed"]),
        VerbCase(
            name: "v3 with an issuer, passed", record: { try FrozenRecords.record("record-v3-issuer.json") },
            verbs: ["initialized", "answered", "answered", "passed", "completed", "terminated"]),
        VerbCase(
            name: "v4 web attempt, passed", record: { try FrozenRecords.record("record-v4-web.json") },
            verbs: ["initialized", "answered", "answered", "passed", "completed", "terminated"]),
        VerbCase(
            name: "v5 pre-test, passed: practice never completes", record: { try FrozenRecords.record("record-v5-pretest.json") },
            verbs: ["initialized", "answered", "answered", "passed", "terminated"]),
        VerbCase(
            name: "critical mistake: failed at 90%", record: { SampleRecords.record(percent: 90, passed: false) },
            verbs: ["initialized", "answered", "failed", "terminated"]),
        VerbCase(
            name: "below the pass mark", record: { SampleRecords.record(percent: 60, passed: false) },
            verbs: ["initialized", "answered", "failed", "terminated"]),
        VerbCase(
            name: "group attendance, session ended early", record: { SampleRecords.attendance(covered: 5) },
            verbs: ["attended"]),
        VerbCase(
            name: "refresher, failed",
            record: {
                var record = SampleRecords.record(percent: 40, passed: false)
                record.purpose = .refresher
                return record
            }, verbs: ["initialized", "answered", "failed", "terminated"]),
    ]

    @Test(arguments: verbCases)
    func verbsInOrder(_ testCase: VerbCase) throws {
        let made = Self.statements.statements(for: try testCase.record())
        #expect(made.map { $0.verb.display["en-US"] ?? "" } == testCase.verbs)
        #expect(made.allSatisfy { $0.verb.id == "http://adlnet.gov/expapi/verbs/" + ($0.verb.display["en-US"] ?? "") })
    }

    @Test(arguments: verbCases)
    func idsAreUniqueAndTheSameEveryTime(_ testCase: VerbCase) throws {
        let record = try testCase.record()
        let first = Self.statements.statements(for: record)
        #expect(Set(first.map(\.id)).count == first.count)
        #expect(Statement.json(first) == Statement.json(Self.statements.statements(for: record)))
        #expect(first.allSatisfy { $0.context?.registration == record.id.uuidString.lowercased() })
        #expect(first.allSatisfy { $0.version == "1.0.3" })
        // xAPI-Data §2.2: no empty objects outside extensions.
        #expect(first.allSatisfy { $0.context?.contextActivities != ContextActivities() })
    }

    @Test func aCriticalMistakeFailsWithTheScoreAndTheReasons() throws {
        let record = SampleRecords.record(percent: 90, passed: false)
        let failed = try #require(Self.statements.statements(for: record).first { $0.verb == .failed })
        #expect(failed.result?.success == false)
        #expect(failed.result?.score?.scaled == 0.9)
        #expect(failed.result?.score?.raw == 90)
        #expect(failed.result?.score?.max == 100)
        #expect(failed.result?.duration == "PT14M")
        #expect(failed.result?.extensions?[ExtensionIRI.reasons] == .array(record.score!.reasons.map(JSONValue.string)))
    }

    @Test func practiceIsItsOwnActivityWithinTheCourse() throws {
        let record = try FrozenRecords.record("record-v5-pretest.json")
        let made = Self.statements.statements(for: record)
        let initialized = try #require(made.first)
        #expect(initialized.object.id.hasSuffix("/csec-response-protocol/marin/pre-test"))
        #expect(
            initialized.context?.contextActivities?.grouping?.map(\.id) == [
                ExtensionIRI.activity(["csec-response-protocol", "marin"])
            ])
        #expect(initialized.context?.extensions?[ExtensionIRI.purpose] == .string("pre-test"))
    }

    @Test func answersAreChoiceInteractions() throws {
        let record = try FrozenRecords.record("record-v4-web.json")
        let answered = Self.statements.statements(for: record).filter { $0.verb == .answered }
        #expect(answered.count == record.questions.count)
        for (statement, question) in zip(answered, record.questions) {
            let definition = try #require(statement.object.definition)
            #expect(definition.interactionType == "choice")
            #expect(definition.correctResponsesPattern == [question.correctOption])
            // Without the content, no list of choices: a partial one would define the activity wrongly.
            #expect(definition.choices == nil)
            #expect(statement.result?.response == question.chosenOption)
            #expect(statement.result?.success == (question.chosenOption == question.correctOption))
            #expect(
                statement.context?.contextActivities?.parent?.first?.id
                    == ExtensionIRI.activity(["csec-response-protocol", "marin"]))
        }
    }

    @Test func theContextCarriesTheContentFingerprint() throws {
        let record = try FrozenRecords.record("record-v3-issuer.json")
        for statement in Self.statements.statements(for: record) {
            let extensions = try #require(statement.context?.extensions)
            #expect(extensions[ExtensionIRI.jurisdiction] == .string(record.training.jurisdiction))
            #expect(extensions[ExtensionIRI.protocolHash] == .string(record.training.protocolHash))
            #expect(extensions[ExtensionIRI.scenarioBankHash] == .string(record.training.scenarioBankHash))
            #expect(extensions[ExtensionIRI.protocolVersion] == .string(record.training.protocolVersion))
            #expect(extensions[ExtensionIRI.seed] == .string(String(record.training.seed)))
            #expect(extensions[ExtensionIRI.issuer] == record.issuer.map(JSONValue.string))
            #expect(statement.context?.contextActivities?.grouping?.contains { $0.id.contains("/cmi5/") } != true)
        }
    }

    @Test func statementIDsMatchPythonsUUID5() {
        // uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/csec-trainer/csec-trainer/blob/main/docs/xapi.md") in Python.
        let urlNamespace = UUID(uuidString: "6ba7b811-9dad-11d1-80b4-00c04fd430c8")!
        #expect(StatementID.uuid5(ExtensionIRI.documentation, in: urlNamespace) == StatementID.namespace.uuidString.lowercased())
        // uuid.uuid5(that namespace, name) in Python.
        #expect(
            StatementID.uuid5("record:3f1b7c2e-8d4a-4e6b-9a15-c0d2e4f6a8b1:initialized")
                == "ffe765ca-d29f-5d75-85cf-1c752982e45b")
    }

    @Test func theFrozenRecordsStatementIDsFollowTheirNames() throws {
        let record = try FrozenRecords.record("record-v4-web.json")
        let made = Self.statements.statements(for: record)
        #expect(made[0].id == "ffe765ca-d29f-5d75-85cf-1c752982e45b")
        #expect(made[2].id == "4f77a371-7e36-55dc-a514-ccd7b9aa01ad")
    }
}
