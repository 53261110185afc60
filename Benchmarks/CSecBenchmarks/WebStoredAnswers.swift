import Foundation

/// The answers in the completion records the server stored, as `records export` writes them
/// (one signed file a record), by employee id and question: compared with the answers the
/// trainees sent, so that a fast server that loses answers does not pass.
struct WebStoredAnswers {
    var records = 0
    var answers: [String: [String: String]] = [:]

    init(exportedTo folder: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
        for file in files {
            let signed = try JSONDecoder().decode(SignedFile.self, from: Data(contentsOf: file))
            records += 1
            let employee = signed.record.trainee.employeeID ?? ""
            for question in signed.record.questions {
                answers[employee, default: [:]][question.questionID] = question.chosenOption ?? ""
            }
        }
    }

    /// How many of the answers `sent` (by employee id, then question) are stored as sent.
    func matching(_ sent: [String: [String: String]]) -> Int {
        sent.reduce(0) { total, person in
            total + person.value.filter { answers[person.key]?[$0.key] == $0.value }.count
        }
    }

    private struct SignedFile: Decodable {
        var record: Record
    }

    private struct Record: Decodable {
        var trainee: Trainee
        var questions: [Question]
    }

    private struct Trainee: Decodable {
        var employeeID: String?
    }

    private struct Question: Decodable {
        var questionID: String
        var chosenOption: String?
    }
}
