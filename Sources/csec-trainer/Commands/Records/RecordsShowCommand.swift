import ArgumentParser
import Certificates
import Foundation
import RecordStore
import Records

struct RecordsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one completion record: who, what, when, every answer and the score.")

    @Argument(help: "The record id, or its first characters as `records list` shows them.") var id: String
    @OptionGroup var data: DataOptions
    @Option(help: "text, or json (the signed file as stored).") var format: OutputFormat = .text

    func run() throws {
        let store = try data.recordStore()
        let stored = try reportingStoreErrors { try store.find(id) }
        switch format {
        case .json:
            print(String(decoding: stored.bytes, as: UTF8.self), terminator: "")
        case .text:
            print(RecordText(stored).render())
        }
    }
}

/// A completion record in plain words.
struct RecordText {
    let stored: StoredRecord

    init(_ stored: StoredRecord) {
        self.stored = stored
    }

    func render() -> String {
        let record = stored.record
        let trainee = record.trainee
        let details = [
            trainee.employeeID.map { "employee id \($0)" }, trainee.role, trainee.school, trainee.district,
            trainee.email, trainee.hireDate.map { "hired \($0)" },
        ].compactMap { $0 }
        var lines = [
            "Record \(record.id.uuidString.lowercased())  (verification code \(stored.signed.verificationCode))",
            "Trainee: \(trainee.name)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"),
            "Training: \(record.training.jurisdictionName) protocol (\(record.training.protocolVersion)), \(record.mode)",
            "Started \(record.startedAt), completed \(record.completedAt), active \(CertificateDetails.activeTimeText(seconds: record.activeSeconds))",
        ]
        if let score = record.score {
            lines.append("Score: \(score) (policy \(score.policyID) v\(score.policyVersion))")
            lines += score.reasons.map { "  \($0)" }
            lines.append("Questions:")
        } else {
            lines.append("Result: \(record.resultDescription)")
            lines.append("Questions (the room's consensus answers):")
        }
        lines += record.questions.enumerated().map { number, question in
            let mark = question.chosenOption == question.correctOption ? "right" : "wrong"
            return "  \(number + 1). \(question.vignette), stage \(question.stage), \(question.kind): \(mark) "
                + "(chose \(question.chosenOption); correct \(question.correctOption))"
        }
        lines.append("Note: \(record.legalNote)")
        lines.append("File: \(stored.file.path)")
        return lines.joined(separator: "\n")
    }
}
