import Foundation
import RecordStore
import Records

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The embedded default: accounts in `accounts/` in the data directory, readable by its owner
/// only, beside the records and the roster (one folder to back up):
///
/// - `invitations.json` and `administrators.json`, each replaced whole in one step under the
///   exclusive lock of `accounts/.lock` when invitations are issued or withdrawn and
///   administrators change;
/// - `redemptions/<SHA-256 of the link's token>.json`, one small file written, under the same
///   lock, when a link is used: so a link is used once even by two processes at once, and using
///   one writes a few bytes, not every invitation of the district again;
/// - `sessions/<SHA-256 of the cookie token>.json`, one small file a session, found by name;
/// - `audit.jsonl`, the audit log (``AuditChain``), only ever appended to, under the lock.
///
/// The formats: docs/accounts.md and schemas/accounts.schema.json.
public struct FileAccountStore: AccountStore {
    public let directory: URL
    private let files: AccountFiles
    /// The sessions read last, kept while their files are unchanged: one is looked up on every
    /// request.
    private let sessions = DecodedFileCache<StoredSession>(capacity: 10_000)
    /// The invitations as issued, kept while `invitations.json` is unchanged: a sign-in reads them.
    private let issued = DecodedFileCache<InvitationList>(capacity: 1)

    public static let folderName = "accounts"
    static let invitationsFile = "invitations.json"
    static let administratorsFile = "administrators.json"
    static let sessionsFolder = "sessions"
    static let redemptionsFolder = "redemptions"
    static let auditFile = "audit.jsonl"
    static let invitationsFormat = "csec-trainer-invitations"
    static let administratorsFormat = "csec-trainer-administrators"
    static let sessionFormat = "csec-trainer-session"
    static let redemptionFormat = "csec-trainer-redemption"
    /// The version `invitations.json` is written in: 2 keeps the links' use in `redemptions/`, so
    /// an older csec-trainer, which would take a used link for an unused one, refuses the file.
    static let invitationsVersion = 2

    /// The store in `dataDirectory`'s `accounts/` folder (made on first write).
    public init(dataDirectory: URL, operations: any FileOperations = SystemFileOperations()) {
        directory = dataDirectory.appending(path: Self.folderName)
        files = AccountFiles(directory: directory, operations: operations)
    }

    /// The store in `dataDirectory` when its folder exists (the server, `serve admin` or `serve
    /// invite` has used it), else nil: a command that only adds to an audit log leaves an
    /// installation without accounts as it is.
    public static func existing(in dataDirectory: URL) -> FileAccountStore? {
        var isDirectory: ObjCBool = false
        let path = dataDirectory.appending(path: folderName).path
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return FileAccountStore(dataDirectory: dataDirectory)
    }

    struct InvitationList: Codable {
        var invitations: [Invitation]
    }

    /// When a link was used (`redemptions/<token hash>.json`).
    struct Redemption: Codable {
        var redeemedAt: Date
    }

    struct AdministratorList: Codable {
        var administrators: [AdministratorAccount]
    }

    // MARK: Invitations

    public func issue(_ invitations: [Invitation]) async throws(AccountError) {
        try files.locked { () throws(AccountError) in
            var list = try readInvitations()
            let people = Set(invitations.map(\.person.employeeKey))
            for index in list.indices where list[index].isOutstanding && people.contains(list[index].person.employeeKey) {
                list[index].revokedAt = invitations.first { $0.person.employeeKey == list[index].person.employeeKey }?.issuedAt
            }
            try writeInvitations(list + invitations)
        }
    }

    public func redeemInvitation(tokenHash: String, now: Date) async throws(AccountError) -> Invitation {
        try files.locked { () throws(AccountError) in
            let list = try readIssuedInvitations()
            guard var invitation = list.first(where: { $0.tokenHash == tokenHash }) else { throw .invitationUnknown }
            if invitation.redeemedAt == nil { invitation.redeemedAt = try redemption(of: tokenHash)?.redeemedAt }
            let used = try invitation.redeemed(at: now)
            try files.write(Redemption(redeemedAt: now), to: Self.redemptionFile(tokenHash), format: Self.redemptionFormat)
            return used
        }
    }

    public func revokeInvitations(_ selection: InvitationSelection, now: Date) async throws(AccountError) -> Int {
        try files.locked { () throws(AccountError) in
            var list = try readInvitations()
            var count = 0
            for index in list.indices where list[index].isOutstanding && selection.contains(list[index].person) {
                list[index].revokedAt = now
                count += 1
            }
            if count > 0 { try writeInvitations(list) }
            return count
        }
    }

    public func invitations() async throws(AccountError) -> [Invitation] {
        try readInvitations()
    }

    /// Every invitation, with the use of each link (from `redemptions/`).
    private func readInvitations() throws(AccountError) -> [Invitation] {
        var list = try readIssuedInvitations()
        let used = try redeemedTokenHashes()
        for index in list.indices where list[index].redeemedAt == nil && used.contains(list[index].tokenHash) {
            list[index].redeemedAt = try redemption(of: list[index].tokenHash)?.redeemedAt
        }
        return list
    }

    /// The invitations as `invitations.json` keeps them: issued and withdrawn, and used only if
    /// a version 1 file recorded it.
    private func readIssuedInvitations() throws(AccountError) -> [Invitation] {
        try files.read(
            Self.invitationsFile, format: Self.invitationsFormat, as: InvitationList.self,
            newestVersion: Self.invitationsVersion, cache: issued)?
            .invitations ?? []
    }

    private func writeInvitations(_ invitations: [Invitation]) throws(AccountError) {
        try files.write(
            InvitationList(invitations: invitations), to: Self.invitationsFile, format: Self.invitationsFormat,
            version: Self.invitationsVersion)
    }

    private static func redemptionFile(_ tokenHash: String) -> String { "\(redemptionsFolder)/\(tokenHash).json" }

    /// When the link whose token hashes to `tokenHash` was used; nil when it was not.
    private func redemption(of tokenHash: String) throws(AccountError) -> Redemption? {
        try files.read(Self.redemptionFile(tokenHash), format: Self.redemptionFormat, as: Redemption.self)
    }

    /// The token hashes of the links used, by the names of their files.
    private func redeemedTokenHashes() throws(AccountError) -> Set<String> {
        let folder = directory.appending(path: Self.redemptionsFolder)
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw .storage(location: folder.path, reason: "cannot be listed (permission denied, or not a folder)")
        }
        return Set(names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) })
    }

    // MARK: Administrators

    public func addAdministrator(_ account: AdministratorAccount) async throws(AccountError) {
        try files.locked { () throws(AccountError) in
            let list = try readAdministrators()
            guard !list.contains(where: { $0.nameKey == account.nameKey }) else {
                throw .administratorExists(name: account.name)
            }
            let administrators = list + [account]
            try files.write(
                AdministratorList(administrators: administrators), to: Self.administratorsFile,
                format: Self.administratorsFormat, version: Self.administratorsVersion(administrators))
        }
    }

    public func changeAdministrator(named name: String, school: String?) async throws(AccountError)
        -> AdministratorAccount
    {
        try rewritingAdministrator(named: name) { account in
            var changed = account
            changed.school = school
            return changed
        }
    }

    public func removeAdministrator(named name: String) async throws(AccountError) -> AdministratorAccount {
        try rewritingAdministrator(named: name) { _ in nil }
    }

    /// Replaces the administrator named `name` with what `change` makes of them (nil: removed),
    /// under the folder's lock; returns the account as it was when removed, else as it is now.
    private func rewritingAdministrator(
        named name: String, _ change: (AdministratorAccount) -> AdministratorAccount?
    ) throws(AccountError) -> AdministratorAccount {
        try files.locked { () throws(AccountError) in
            var administrators = try readAdministrators()
            let key = MatchingText.folded(name)
            guard let index = administrators.firstIndex(where: { $0.nameKey == key }) else {
                throw .noSuchAdministrator(name: name)
            }
            let before = administrators[index]
            let after = change(before)
            if let after { administrators[index] = after } else { administrators.remove(at: index) }
            try files.write(
                AdministratorList(administrators: administrators), to: Self.administratorsFile,
                format: Self.administratorsFormat, version: Self.administratorsVersion(administrators))
            return after ?? before
        }
    }

    /// The newest version of `administrators.json` this csec-trainer reads: 2 added the school of a
    /// site administrator.
    static let newestAdministratorsVersion = 2

    /// The version `administrators` are written in: 2 once a site administrator is among them,
    /// so that an older csec-trainer, which would take them for district administrators, refuses
    /// the file; 1 while everyone is a district administrator, which every version reads alike.
    static func administratorsVersion(_ administrators: [AdministratorAccount]) -> Int {
        administrators.contains { $0.school != nil } ? 2 : 1
    }

    public func administrator(named name: String) async throws(AccountError) -> AdministratorAccount? {
        let key = MatchingText.folded(name)
        return try readAdministrators().first { $0.nameKey == key }
    }

    public func administrators() async throws(AccountError) -> [AdministratorAccount] {
        try readAdministrators()
    }

    private func readAdministrators() throws(AccountError) -> [AdministratorAccount] {
        try files.read(
            Self.administratorsFile, format: Self.administratorsFormat, as: AdministratorList.self,
            newestVersion: Self.newestAdministratorsVersion)?
            .administrators ?? []
    }

    // MARK: Sessions

    private func sessionFile(_ tokenHash: String) throws(AccountError) -> String {
        // The hash names a file: only what a hash can be, so no name leaves the folder.
        guard tokenHash.count == 64, tokenHash.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { throw .storage(location: directory.path, reason: "'\(tokenHash)' is not a session's hash") }
        return "\(Self.sessionsFolder)/\(tokenHash).json"
    }

    public func saveSession(_ session: StoredSession) async throws(AccountError) {
        try files.write(session, to: try sessionFile(session.tokenHash), format: Self.sessionFormat)
    }

    public func session(tokenHash: String) async throws(AccountError) -> StoredSession? {
        try files.read(try sessionFile(tokenHash), format: Self.sessionFormat, as: StoredSession.self, cache: sessions)
    }

    public func touchSession(tokenHash: String, at time: Date) async throws(AccountError) {
        let file = try sessionFile(tokenHash)
        guard var session = try files.read(file, format: Self.sessionFormat, as: StoredSession.self) else { return }
        session.lastSeenAt = max(session.lastSeenAt, time)
        // A last use lost in a crash only ends the session sooner: not worth a flush per request.
        try files.write(session, to: file, format: Self.sessionFormat, flush: false)
    }

    public func deleteSession(tokenHash: String) async throws(AccountError) {
        let path = directory.appending(path: try sessionFile(tokenHash)).path
        if unlink(path) != 0, errno != ENOENT {
            throw .storage(location: path, reason: "cannot be removed: \(FileProblem.words(errno: errno))")
        }
    }

    public func deleteExpiredSessions(now: Date, policy: SessionPolicy) async throws(AccountError) -> Int {
        let folder = directory.appending(path: Self.sessionsFolder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var count = 0
        for name in names where name.hasSuffix(".json") {
            let tokenHash = String(name.dropLast(5))
            guard let session = try? await session(tokenHash: tokenHash), session.isExpired(at: now, under: policy) else {
                continue
            }
            try await deleteSession(tokenHash: tokenHash)
            count += 1
        }
        return count
    }

    // MARK: Audit log

    public func appendAudit(_ event: AuditEvent) async throws(AccountError) {
        try files.locked { () throws(AccountError) in
            try AuditLogFile(file: directory.appending(path: Self.auditFile)).append(event)
        }
    }

    public func auditTrail() async throws(AccountError) -> AuditTrail {
        try AuditLogFile(file: directory.appending(path: Self.auditFile)).read()
    }
}
