import Accounts
import ArgumentParser
import Completion
import Foundation
import PostgresStorage
import Storage

/// `csec-trainer records send`: every record's xAPI statements to a learning record store,
/// through the durable outbox.
struct RecordsSendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send every record's xAPI statements to a learning record store (LRS).",
        discussion: """
            Each record not sent before is queued in the data directory's xapi-outbox, then \
            the queue is sent, one record's statements per request, with HTTP Basic \
            authentication (the user is --lrs-user, the password is read from \
            $\(LRSOptions.passwordVariable)) or an OAuth 2 access token (read from \
            $\(LRSOptions.tokenVariable), or from the file named by --lrs-token-file); secrets \
            never come from the command line. For example:
              export \(LRSOptions.passwordVariable)='…'
              csec-trainer records send --lrs https://lrs.district.org/xAPI/ \\
                --lrs-user csec-trainer --district-url https://www.district.org

            Nothing is lost when the LRS is down: what was not delivered stays queued and is \
            sent next time, and a record delivered once is never sent again. The statements' \
            ids come from the records, so an LRS never stores one twice. A record whose \
            statements the LRS holds already but different (409 Conflict) is reported and kept. \
            Where the installation keeps accounts, the sending is written to their audit log. \
            Exit status 1 when anything is left queued. See docs/xapi.md.
            """)

    @OptionGroup var lrs: LRSOptions
    @OptionGroup var xapi: XAPIOptions
    @OptionGroup var content: ContentOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func validate() throws {
        if lrs.lrs == nil {
            throw ValidationError("Give the LRS's xAPI address with --lrs, e.g. https://lrs.district.org/xAPI/.")
        }
        _ = try xapi.homePage()
    }

    func run() throws {
        let training = xapi.trainingContent(from: content)
        guard let channel = try lrs.channel(xapi, content: training, data: data) else { return }
        let (dataDirectory, actor) = (data.directory, ProcessInfo.processInfo.userName)
        let outcome = try database.using(data) {
            backend async throws(StorageError) -> Result<(StatementChannel.Sent, AccountError?), StatementDeliveryError> in
            let sent: StatementChannel.Sent
            do throws(StatementDeliveryError) {
                sent = try await channel.sendAll(from: backend.repository, clock: ContinuousClock())
            } catch {
                return .failure(error)
            }
            let event = channel.auditEvent(sent, by: actor, at: Date())
            return .success((sent, await backend.audit(event, dataDirectory: dataDirectory)))
        }
        let (sent, auditProblem): (StatementChannel.Sent, AccountError?)
        do {
            (sent, auditProblem) = try outcome.get()
        } catch {
            StandardError.print("error: \(error.description)")
            throw ExitCode.failure
        }
        for problem in sent.queued.problems { StandardError.print(problem.description) }
        print("\(counted(sent.queued.queued, "record")) queued now, \(sent.queued.before) queued or delivered before.")
        print(Self.summary(sent.delivery, endpoint: channel.endpoint))
        if let auditProblem {
            StandardError.print("error: the sending could not be written to the audit log: \(auditProblem.description)")
            throw ExitCode.failure
        }
        if sent.delivery.stillQueued > 0 { throw ExitCode.failure }
    }

    /// The delivery in a few lines: counts first, then each problem.
    static func summary(_ report: DeliveryReport, endpoint: URL) -> String {
        var lines = [
            "\(counted(report.delivered.count, "record")) delivered to \(endpoint.absoluteString); \(report.stillQueued) still queued."
        ]
        for conflict in report.conflicts {
            lines.append(
                "conflict: record \(conflict.recordID): the LRS holds different statements under the same ids (\(conflict.message)); kept in the outbox."
            )
        }
        for refused in report.refused {
            lines.append("refused: record \(refused.recordID): \(refused.message); kept in the outbox.")
        }
        if let stopped = report.stopped { lines.append("stopped: \(stopped.description)") }
        return lines.joined(separator: "\n")
    }
}
