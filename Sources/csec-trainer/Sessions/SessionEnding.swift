import ArgumentParser
import Foundation
import RecordStore
import Records
import TerminalUI

/// What the end of a group session leaves, live or offline, in `<data dir>/sessions/<id>/`: a
/// signed completion record per attendee (in the record store), a PDF certificate for each
/// attendee whose record completes training (`certificates/`), and the attendance roster
/// (`roster.csv`). Every record is tried and the roster always written, so one failure loses
/// nothing else; any failure is reported and makes the command fail.
struct SessionEnding: Sendable {
    let sessionID: String
    let records: RecordStore
    let dataDirectory: URL
    let output: any TextOutput

    struct Attendee {
        var record: CompletionRecord
        /// "3 of 4", or "as the room" for group attendance.
        var answered: String
    }

    var folder: URL { dataDirectory.appending(path: "sessions/\(sessionID)") }

    func write(_ attendees: [Attendee]) throws {
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let writer = CertificateWriter(store: records)
        let certificates = folder.appending(path: "certificates")
        var roster = Table(
            columns: ["name", "employee id", "answered", "score", "result", "record", "certificate"], rows: [])
        var problems: [String] = []
        var saved = 0
        var certified = 0
        for attendee in attendees {
            let record = attendee.record
            var recordID = "not written"
            var certificate = ""
            do {
                // Once: a session restored after a crash while writing keeps the records written.
                _ = try records.saveOnce(record)
                saved += 1
                recordID = record.id.uuidString.lowercased()
                if record.outcome.completesTraining {
                    let stored = try records.find(recordID)
                    certificate = try writer.write(stored, into: certificates).lastPathComponent
                    certified += 1
                }
            } catch let error as RecordStoreError {
                problems.append(error.description)
            } catch let error as CertificateWriteError {
                problems.append(error.description)
                certificate = "not written"
            }
            roster.rows.append([
                record.trainee.name, record.trainee.employeeID ?? "", attendee.answered,
                record.outcome.percent.map { "\($0)%" } ?? "", record.outcome.resultText, recordID, certificate,
            ])
        }
        let rosterFile = folder.appending(path: "roster.csv")
        try Data(roster.csv().utf8).write(to: rosterFile, options: .atomic)
        var lines = [
            "\(saved) completion \(saved == 1 ? "record" : "records") written to \(records.directory.path).",
            "Attendance roster, with each attendee's result: \(rosterFile.path)",
        ]
        if certified == 0 {
            lines.append("No certificates: no record completes the training.")
        } else {
            lines.append("\(certified) \(certified == 1 ? "certificate" : "certificates") (PDF) in \(certificates.path)")
            lines.append(
                "Open Badges credentials: csec-trainer certificate --session \(sessionID) --format openbadge --out DIR")
        }
        output.write(lines.joined(separator: "\n") + "\n")
        guard problems.isEmpty else {
            for problem in problems { StandardError.print(problem) }
            StandardError.print(
                "error: \(problems.count) of the session's records or certificates could not be written (see above); "
                    + "the roster marks them “not written”.")
            throw ExitCode.failure
        }
    }
}
