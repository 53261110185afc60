import Accounts
import Completion
import ContentLoading
import Foundation
import GroupSessions
import LocalStore
import ProtocolEngine
import RecordStore
import Records
import SessionServer
import Storage
import Training

/// The district server's group sessions, one at a time: a signed-in administrator starts one as
/// its facilitator, runs it from the browser (the commands of `session host`'s console), and ends
/// it; participants are signed-in staff, who join as themselves. The session lives in a
/// ``SessionServer/SessionRoom`` with its journal in the data directory, as `session host`'s
/// does, and ends the same way (``Completion/LiveGroupSessions``): a signed completion record per
/// participant in the server's record store (mode group session), certificates and the
/// attendance roster in the session's folder. No HTTP here: the routes call it.
///
/// The facilitator's secret never leaves it: the routes name a command, and it carries it out
/// with the secret.
public actor GroupSessionDesk {
    /// What every session of the server is made from.
    public struct Configuration: Sendable {
        public var content: TrainingContent
        public var jurisdiction: JurisdictionProtocol
        /// The server's record store: the self-paced training's.
        public var records: any RecordRepository
        public var certificates: CertificateIssuer
        /// Where the sessions' journals, certificates and rosters are kept (`sessions/<id>/`).
        public var dataDirectory: URL
        /// The session's participant page and projector view.
        public var pages: WebPages
        public var clock: TrainingClock

        public init(
            content: TrainingContent, jurisdiction: JurisdictionProtocol, records: any RecordRepository,
            certificates: CertificateIssuer, dataDirectory: URL, pages: WebPages, clock: TrainingClock = .system
        ) {
            self.content = content
            self.jurisdiction = jurisdiction
            self.records = records
            self.certificates = certificates
            self.dataDirectory = dataDirectory
            self.pages = pages
            self.clock = clock
        }
    }

    /// As `session host`: four vignettes unless the facilitator says otherwise.
    public static let defaultVignettes = 4
    /// Where the pages are served: the participant page at `/group`, its assets below it.
    public static let prefix = "/group"

    public let configuration: Configuration
    private var running: Running?
    /// The last session that ended, and what its end wrote.
    public private(set) var lastEnded: EndedSession?
    private var generator = SystemRandomNumberGenerator()

    private struct Running {
        var setup: GroupSessionSetup
        var live: LiveGroupSession
        var room: SessionRoom
        var pages: WebPages
        var joinAddress: String
    }

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// The pages with no session running (their styles and scripts).
    public var pages: WebPages { running?.pages ?? configuration.pages.mounted(at: Self.prefix) }

    /// The room of the session running now.
    public var room: SessionRoom? { running?.room }

    /// Starts a session of `vignettes` vignettes of the server's county, for up to `capacity`
    /// people, run by `facilitator`; participants join at `joinAddress` (the projector shows it).
    /// Returns the session's id.
    public func start(
        facilitator: String, vignettes: Int = defaultVignettes, capacity: Int = GroupSession.defaultCapacity,
        joinAddress: String
    ) throws(GroupSessionDeskError) -> String {
        if let running { throw .alreadyRunning(running.setup.sessionID) }
        guard vignettes >= 1 else { throw .tooFewVignettes }
        guard capacity >= 1 else { throw .tooSmall }
        let lifecycle = LiveGroupSessions(dataDirectory: configuration.dataDirectory, clock: configuration.clock)
        let setup = GroupSessionSetup.new(
            jurisdiction: configuration.jurisdiction, facilitator: facilitator, training: configuration.content,
            count: vignettes, seed: nil, clock: configuration.clock, using: &generator)
        let live: LiveGroupSession
        do throws(SessionJournalError) {
            live = try lifecycle.start(setup, capacity: capacity, address: joinAddress, using: &generator)
        } catch {
            throw .journal(error)
        }
        let room = SessionRoom(
            session: live.session, generator: SystemRandomNumberGenerator(), policy: configuration.content.policy,
            journal: live.journal)
        let pages = configuration.pages.joining(at: joinAddress).mounted(at: Self.prefix)
        running = Running(setup: setup, live: live, room: room, pages: pages, joinAddress: joinAddress)
        return setup.sessionID
    }

    /// Carries out `command` (next question, reveal) with the facilitator's secret. `end` is
    /// ``end()``, which also writes the records.
    public func perform(_ command: GroupSession.Command) async throws(GroupSessionDeskError) {
        guard let running else { throw .noneRunning }
        guard command != .end else {
            _ = try await end()
            return
        }
        if case .failure(let refusal) = await running.room.perform(command, secret: running.live.session.secretForFacilitator) {
            throw .refused(refusal)
        }
    }

    /// Takes participant number `participant` out of the session (their page is told and
    /// closed; no record is written for them).
    public func remove(participant: Int) async throws(GroupSessionDeskError) -> Participant {
        guard let running else { throw .noneRunning }
        switch await running.room.remove(participant: participant, secret: running.live.session.secretForFacilitator) {
        case .success(let removed): return removed
        case .failure(let refusal): throw .refused(refusal)
        }
    }

    /// Ends the session running now and writes its records. When every record is written, the
    /// session is done (its journal marked finished); when one could not be, it stays, ended,
    /// and ending it again writes what is missing (records already written are not written twice).
    public func end() async throws(GroupSessionDeskError) -> EndedSession {
        guard let running else { throw .noneRunning }
        _ = await running.room.perform(.end, secret: running.live.session.secretForFacilitator)
        let ended = await running.room.session
        let ending = GroupSessionEnding(
            sessionID: running.setup.sessionID, records: configuration.records, certificates: configuration.certificates,
            dataDirectory: configuration.dataDirectory)
        let lifecycle = LiveGroupSessions(dataDirectory: configuration.dataDirectory, clock: configuration.clock)
        let report: GroupSessionEnding.Report
        do throws(SessionJournalError) {
            report = try await lifecycle.end(ended, of: running.live, setup: running.setup, ending: ending)
        } catch {
            throw .journal(error)
        }
        var records: [String: String] = [:]
        for participant in ended.participants {
            let id = UUID(recordOf: participant, inSession: ended.id).uuidString.lowercased()
            records[Self.key(participant.employeeID ?? participant.name)] = id
        }
        let result = EndedSession(
            sessionID: ended.id, facilitator: ended.facilitator, participants: ended.participants.count, report: report,
            recordIDs: records)
        lastEnded = result
        if report.problems.isEmpty { self.running = nil }
        return result
    }

    /// Who a signed-in staff member joins as: their roster name and employee id, with a rejoin
    /// key made from the session's facilitator secret and their employee id (so only this server
    /// knows it, and every join of theirs to this session, from any device, is the same
    /// participant). Nil when no session is running.
    public func participant(_ member: StaffMember) -> SignedInParticipant? {
        guard let running else { return nil }
        let key = ContentFingerprint.sha256(of: [
            "district-group-session-participant", running.live.session.secretForFacilitator.text, member.employeeKey,
        ])
        return SignedInParticipant(name: member.name, employeeID: member.employeeID, rejoinKey: String(key.prefix(64)))
    }

    /// The record id of `member` in the last session that ended, if they took part.
    public func lastRecord(of member: StaffMember) -> String? {
        lastEnded?.recordIDs[Self.key(member.employeeID)]
    }

    /// The session running now, as the facilitator's console shows it; nil when none is.
    public func status() async -> GroupSessionStatus? {
        guard let running else { return nil }
        let session = await running.room.session
        return GroupSessionStatus(session, joinAddress: running.joinAddress)
    }

    private static func key(_ text: String) -> String { MatchingText.folded(text) }
}

/// A group session that ended: how many took part, what its end wrote, and each participant's
/// record id (by employee id), so that they can open their record.
public struct EndedSession: Sendable {
    public var sessionID: String
    public var facilitator: String
    public var participants: Int
    public var report: GroupSessionEnding.Report
    var recordIDs: [String: String]

    /// What the audit log says of the end.
    var auditDetail: String {
        "\(sessionID): \(report.recordsSaved) of \(participants) records saved"
            + (report.problems.isEmpty ? "" : ", \(report.problems.count) problems")
    }
}

extension DistrictServer {
    /// This server, offering group sessions of its county protocol and content, their records
    /// in its record store and certificates by its issuer; journals, certificates and rosters in
    /// `dataDirectory`, the pages from `pages`.
    public func offeringGroupSessions(dataDirectory: URL, pages: WebPages) -> DistrictServer {
        var server = self
        server.groupSessions = GroupSessionDesk(
            .init(
                content: training.content, jurisdiction: jurisdiction, records: training.records,
                certificates: certificates, dataDirectory: dataDirectory, pages: pages, clock: training.clock))
        return server
    }

    /// After the server has stopped: a group session still running ends as `session host`'s
    /// does on SIGTERM, its records written, and the end goes to the audit log.
    public func endGroupSessionLeftRunning() async {
        guard let groupSessions, await groupSessions.room != nil, let ended = try? await groupSessions.end() else { return }
        try? await signIn.record(
            AuditEvent(
                at: now(), action: .groupSessionEnded, actor: ended.facilitator,
                detail: ended.auditDetail + ", ended as the server stopped"))
    }
}
