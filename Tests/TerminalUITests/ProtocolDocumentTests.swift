import ContentLoading
import ProtocolEngine
import TerminalUI
import TestSupport
import Testing

struct ProtocolDocumentTests {
    @Test(arguments: ["sro-flowchart", "san-mateo", "san-diego", "marin", "orange-county"])
    func showsEveryStepCitationAndContact(_ id: String) throws {
        let library = try Fixtures.library()
        let jurisdiction = try #require(library.jurisdiction(id))
        // Compare with whitespace folded: the document wraps long lines.
        let text = folded(ProtocolDocument(jurisdiction: jurisdiction, vocabulary: library.vocabulary).render(width: 100))
        func contains(_ expected: String) -> Bool { text.contains(folded(expected)) }
        for category in jurisdiction.categories {
            #expect(contains(category.name.uppercased()))
            for step in category.steps {
                #expect(contains("Step \(step.number). \(step.wording)"))
                #expect(contains("Cites: \(jurisdiction.citation(of: step.number, in: category))"))
                if let reading = step.reading { #expect(contains(reading)) }
            }
            for factor in category.criteria.flatMap(\.factors) { #expect(contains(factor.wording)) }
        }
        for phone in jurisdiction.contacts.compactMap(\.phone) { #expect(contains(phone)) }
        #expect(contains(jurisdiction.emergency.wording))
    }

    private func folded(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(arguments: [40, 72, 100])
    func wrapsToTheWidth(_ width: Int) throws {
        let library = try Fixtures.library()
        let marin = try #require(library.jurisdiction("marin"))
        let text = ProtocolDocument(jurisdiction: marin, vocabulary: library.vocabulary).render(width: width)
        let longest =
            text.split(separator: "\n").filter { line in line.split(separator: " ").allSatisfy { $0.count < width / 2 } }
            .map(\.count).max() ?? 0
        #expect(longest <= width)
    }

    @Test func answerKeyDocumentExplainsSkippedSteps() throws {
        let library = try Fixtures.library()
        let sanDiego = try #require(library.jurisdiction("san-diego"))
        let facts = Facts(indicators: ["survival-sex"])
        let done = library.engine.actions(ofSteps: [1, 2, 3], emergencyHandled: false, for: facts, under: sanDiego)
        let answer = library.engine.answerKey(for: facts, done: done, under: sanDiego)
        let text = AnswerKeyDocument(answer: answer, jurisdiction: sanDiego, vocabulary: library.vocabulary).render(width: 200)
        #expect(text.contains("San Diego: Suspected Victim of CSEC"))
        #expect(text.contains("Next step (step 5)"))
        #expect(text.contains("Skipped step 4: \(EvidenceAssessment.notAssessed.summary.capitalizedFirst)"))
    }
}
