import Foundation
import RecordStore
import Records
import Storage

/// What the end of a group session leaves, live or offline: a signed completion record per
/// attendee (in the record repository), a PDF certificate for each attendee whose record
/// completes training (`certificates/` in the session's folder), and the attendance roster
/// (`roster.csv` there). Every record is tried and the roster always written, so one failure
/// loses nothing else; the report lists every failure.
public struct GroupSessionEnding: Sendable {
    public let sessionID: String
    public let records: any RecordRepository
    public let certificates: CertificateIssuer
    public let dataDirectory: URL

    public init(sessionID: String, records: any RecordRepository, certificates: CertificateIssuer, dataDirectory: URL) {
        self.sessionID = sessionID
        self.records = records
        self.certificates = certificates
        self.dataDirectory = dataDirectory
    }

    /// The session's folder: `<data dir>/sessions/<id>`.
    public var folder: URL { dataDirectory.appending(path: "sessions/\(sessionID)") }

    public struct Attendee: Sendable {
        public var record: CompletionRecord
        /// "3 of 4", or "as the room" for group attendance.
        public var answered: String
    }

    /// What was written, and what could not be.
    public struct Report: Sendable, Equatable {
        public var recordsSaved: Int
        public var recordsLocation: String
        public var certificatesWritten: Int
        public var certificatesFolder: URL
        public var rosterFile: URL
        /// Each record, certificate or roster that could not be written, in words.
        public var problems: [String]
    }

    public func write(_ attendees: [Attendee]) async -> Report {
        let certificatesFolder = folder.appending(path: "certificates")
        var report = Report(
            recordsSaved: 0, recordsLocation: records.location, certificatesWritten: 0,
            certificatesFolder: certificatesFolder, rosterFile: folder.appending(path: "roster.csv"), problems: [])
        var rows: [[String]] = []
        for attendee in attendees {
            let record = attendee.record
            var recordID = "not written"
            var certificate = ""
            do {
                // Once: a session restored after a crash while writing keeps the records written.
                let saved = try await records.saveOnce(record)
                report.recordsSaved += 1
                recordID = record.id.uuidString.lowercased()
                if record.outcome.completesTraining {
                    do {
                        certificate = try await certificates.write(saved.signed, into: certificatesFolder).lastPathComponent
                        report.certificatesWritten += 1
                    } catch {
                        report.problems.append(error.description)
                        certificate = "not written"
                    }
                }
            } catch {
                report.problems.append(error.description)
            }
            rows.append([
                record.trainee.name, record.trainee.employeeID ?? "", attendee.answered,
                record.outcome.percent.map { "\($0)%" } ?? "", record.outcome.resultText, recordID, certificate,
            ])
        }
        let roster = CSVText(
            columns: ["name", "employee id", "answered", "score", "result", "record", "certificate"], rows: rows)
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data(roster.text.utf8).write(to: report.rosterFile, options: .atomic)
        } catch {
            report.problems.append(
                "\(report.rosterFile.path): error: cannot write the attendance roster: \(FileProblem.words(for: error)).")
        }
        return report
    }
}
