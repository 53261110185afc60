import Foundation
import RecordStore
import Records
import TerminalUI

/// What the end of a group session leaves, live or offline, in `<data dir>/sessions/<id>/`: a
/// signed completion record per attendee (in the record store), a PDF certificate for each
/// attendee whose record completes training (`certificates/`), and the attendance roster
/// (`roster.csv`). Records are written first, so a failed certificate loses no record.
struct SessionEnding {
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
        let stored = try attendees.map { attendee in
            try reportingStoreErrors {
                _ = try records.save(attendee.record)
                return try records.find(attendee.record.id.uuidString.lowercased())
            }
        }
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let writer = CertificateWriter(store: records)
        let certificates = folder.appending(path: "certificates")
        var roster = Table(
            columns: ["name", "employee id", "answered", "score", "result", "record", "certificate"], rows: [])
        var problems: [CertificateWriteError] = []
        for (attendee, stored) in zip(attendees, stored) {
            let record = attendee.record
            var certificate = ""
            if record.outcome.completesTraining {
                do {
                    certificate = try writer.writeEach([stored], into: certificates)[0].lastPathComponent
                } catch {
                    problems.append(error)
                }
            }
            roster.rows.append([
                record.trainee.name, record.trainee.employeeID ?? "", attendee.answered,
                record.outcome.percent.map { "\($0)%" } ?? "", record.outcome.resultText, record.id.uuidString.lowercased(),
                certificate,
            ])
        }
        let rosterFile = folder.appending(path: "roster.csv")
        try Data(roster.csv().utf8).write(to: rosterFile, options: .atomic)
        for problem in problems { StandardError.print(problem.description) }
        let certified = roster.rows.filter { !$0[6].isEmpty }.count
        let notPassed = attendees.filter { !$0.record.outcome.completesTraining }.count
        var lines = [
            "\(attendees.count) completion records written to \(records.directory.path).",
            "Attendance roster: \(rosterFile.path)",
            certified == 0 ? "No certificates: nobody passed." : "\(certified) certificates (PDF) in \(certificates.path)",
            "Open Badges credentials: csec-trainer certificate --session \(sessionID) --format openbadge --out DIR",
        ]
        // A count only: this screen may be on the projector.
        if notPassed > 0 {
            lines.append(
                "\(notPassed) did not pass and get no certificate (see the roster); `csec-trainer train` is open to them.")
        }
        output.write(lines.joined(separator: "\n") + "\n")
    }
}
