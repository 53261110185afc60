import ArgumentParser
import Completion
import ContentLoading
import Foundation
import ProtocolEngine
import TerminalUI
import Training

/// A group session at this console: what it starts from, what its end writes (through the
/// application layer), and the terminal it reports to.
struct SessionSetup: Sendable {
    let group: GroupSessionSetup
    let ending: GroupSessionEnding
    let output: any TextOutput

    var sessionID: String { group.sessionID }
    var facilitator: String { group.facilitator }
    var jurisdiction: JurisdictionProtocol { group.jurisdiction }
    var training: TrainingContent { group.training }
    var plan: TrainingPlan { group.plan }

    /// Writes the attendees' records, certificates and the roster, and says where they are; any
    /// that could not be written is printed, and makes the command fail.
    func end(with attendees: [GroupSessionEnding.Attendee]) throws {
        let ending = self.ending
        try tell(try waitFor { await ending.write(attendees) })
    }

    /// Says what the end of the session wrote and where; any that could not be written is
    /// printed, and makes the command fail.
    func tell(_ report: GroupSessionEnding.Report) throws {
        var lines = [
            "\(report.recordsSaved) completion \(report.recordsSaved == 1 ? "record" : "records") written to \(report.recordsLocation).",
            "Attendance roster, with each attendee's result: \(report.rosterFile.path)",
        ]
        if report.certificatesWritten == 0 {
            lines.append("No certificates: no record completes the training.")
        } else {
            lines.append(
                "\(report.certificatesWritten) \(report.certificatesWritten == 1 ? "certificate" : "certificates") (PDF) in \(report.certificatesFolder.path)"
            )
            lines.append(
                "Open Badges credentials: csec-trainer certificate --session \(sessionID) --format openbadge --out DIR")
        }
        output.write(lines.joined(separator: "\n") + "\n")
        guard report.problems.isEmpty else {
            for problem in report.problems { StandardError.print(problem) }
            StandardError.print(
                "error: \(report.problems.count) of the session's records, certificates or roster could not be written "
                    + "(see above); the roster marks them “not written”.")
            throw ExitCode.failure
        }
    }
}
