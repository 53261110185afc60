import Accounts
import Foundation
import PostgresStorage
import Records
import ScenarioEngine
import Storage
import TestSupport
import Testing

/// What every backend of ``AccountStore`` must do, run against the embedded files and a real
/// PostgreSQL (skipped with a message outside CI when no server is reachable; failing in CI).
@Suite struct AccountStoreContractTests {
    @Test(.enabled(if: TestDatabase.runsPostgresCases, Comment(rawValue: TestDatabase.skipMessage)))
    func postgresIsReachable() {
        #expect(TestDatabase.isReachable, "CI must run the accounts contract suite on PostgreSQL: \(TestDatabase.skipMessage)")
    }

    @Test(.enabled(if: TestDatabase.runsPostgresCases, Comment(rawValue: TestDatabase.skipMessage)))
    func anUnmigratedDatabaseIsRefusedWithTheMigrationToApply() async throws {
        let address = try DatabaseAddress(try #require(TestDatabase.address))
        let schema = "accounts_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let database = try await RecordDatabase.connect(address, schema: schema)
        let error = await #expect(throws: AccountError.self) { try await PostgresAccountStore.open(database) }
        await database.close()
        #expect(
            error == .storedData(.schemaNotMigrated(database: database.location, found: 0, required: Migration.latestVersion)))
        #expect(error?.description.contains("csec-trainer database migrate") == true)
    }

    @Test(arguments: AccountStoreBackend.underTest)
    func ofTwentyRedemptionsAtOnceExactlyOneSucceeds(backend: AccountStoreBackend) async throws {
        try await backend.withStore { contract in
            var random = SystemRandomNumberGenerator()
            let (token, invitation) = AccountSamples.invitation(for: AccountSamples.staff[0], using: &random)
            try await contract.store.issue([invitation])
            let store = contract.store
            let outcomes = await withTaskGroup(of: Result<Invitation, AccountError>.self) { group in
                for second in 0..<20 {
                    group.addTask {
                        do throws(AccountError) {
                            return .success(
                                try await store.redeemInvitation(
                                    tokenHash: token.storedHash, now: AccountSamples.now + Double(second)))
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let successes = outcomes.compactMap { try? $0.get() }
            #expect(successes.count == 1)
            #expect(outcomes.filter { if case .failure(.invitationUsed) = $0 { true } else { false } }.count == 19)
            let stored = try #require(try await store.invitations().first)
            #expect(stored.redeemedAt == successes.first?.redeemedAt && stored.redeemedAt != nil)
        }
    }

    /// An invitation issued at `now` for 14 days, redeemed `after` seconds later.
    static let expiryCases: [(after: TimeInterval, expired: Bool)] = [
        (0, false), (14 * AccountSamples.day - 1, false), (14 * AccountSamples.day, true), (30 * AccountSamples.day, true),
    ]

    @Test(arguments: AccountStoreBackend.underTest, expiryCases)
    func anInvitationWorksUntilItExpires(backend: AccountStoreBackend, expiry: (after: TimeInterval, expired: Bool)) async throws
    {
        try await backend.withStore { contract in
            var random = SystemRandomNumberGenerator()
            let (token, invitation) = AccountSamples.invitation(for: AccountSamples.staff[1], using: &random)
            try await contract.store.issue([invitation])
            let redeem = { () async throws(AccountError) -> Invitation in
                try await contract.store.redeemInvitation(tokenHash: token.storedHash, now: AccountSamples.now + expiry.after)
            }
            if expiry.expired {
                await #expect(throws: AccountError.invitationExpired) { try await redeem() }
                #expect(try await contract.store.invitations().first?.redeemedAt == nil)
            } else {
                #expect(try await redeem().person == AccountSamples.staff[1])
            }
        }
    }

    @Test(arguments: AccountStoreBackend.underTest)
    func anUnknownTokenIsRefused(backend: AccountStoreBackend) async throws {
        try await backend.withStore { contract in
            await #expect(throws: AccountError.invitationUnknown) {
                try await contract.store.redeemInvitation(tokenHash: String(repeating: "a", count: 64), now: AccountSamples.now)
            }
        }
    }

    static let revocations: [(selection: InvitationSelection, revoked: [String])] = [
        (.person(employeeID: " e1 "), ["E1"]), (.school("park  elementary"), ["E3"]), (.everyone, ["E1", "E2", "E3"]),
    ]

    @Test(arguments: AccountStoreBackend.underTest, revocations)
    func revokingWithdrawsTheSelectedOutstandingInvitations(
        backend: AccountStoreBackend, revocation: (selection: InvitationSelection, revoked: [String])
    ) async throws {
        try await backend.withStore { contract in
            var random = SystemRandomNumberGenerator()
            let issued = AccountSamples.staff.map { AccountSamples.invitation(for: $0, using: &random) }
            try await contract.store.issue(issued.map(\.invitation))
            let later = AccountSamples.now + 60

            let count = try await contract.store.revokeInvitations(revocation.selection, now: later)

            #expect(count == revocation.revoked.count)
            for (token, invitation) in issued {
                let redeem = { () async throws(AccountError) -> Invitation in
                    try await contract.store.redeemInvitation(tokenHash: token.storedHash, now: later + 60)
                }
                if revocation.revoked.contains(invitation.person.employeeID) {
                    await #expect(throws: AccountError.invitationRevoked) { try await redeem() }
                } else {
                    #expect(try await redeem().person == invitation.person)
                }
            }
            #expect(try await contract.store.revokeInvitations(revocation.selection, now: later) == 0)
        }
    }

    @Test(arguments: AccountStoreBackend.underTest)
    func aNewInvitationWithdrawsThePersonsEarlierOne(backend: AccountStoreBackend) async throws {
        try await backend.withStore { contract in
            var random = SystemRandomNumberGenerator()
            let ana = AccountSamples.staff[0]
            let first = AccountSamples.invitation(for: ana, using: &random)
            let ben = AccountSamples.invitation(for: AccountSamples.staff[1], using: &random)
            try await contract.store.issue([first.invitation, ben.invitation])
            let second = AccountSamples.invitation(for: ana, issuedAt: AccountSamples.now + 3600, using: &random)
            try await contract.store.issue([second.invitation])

            await #expect(throws: AccountError.invitationRevoked) {
                try await contract.store.redeemInvitation(tokenHash: first.token.storedHash, now: AccountSamples.now + 7200)
            }
            #expect(
                try await contract.store.redeemInvitation(tokenHash: second.token.storedHash, now: AccountSamples.now + 7200)
                    .person == ana)
            #expect(
                try await contract.store.redeemInvitation(tokenHash: ben.token.storedHash, now: AccountSamples.now + 7200).person
                    .employeeID == "E2")
            #expect(try await contract.store.invitations().map(\.tokenHash) == [first, ben, second].map(\.token.storedHash))
        }
    }

    @Test(arguments: AccountStoreBackend.underTest)
    func noRawTokenIsInTheStoresBytes(backend: AccountStoreBackend) async throws {
        try await backend.withStore { contract in
            let accounts = DistrictAccounts(
                store: contract.store, roster: FixedRoster(staff: AccountSamples.staff), passwords: CountingHasher(),
                random: SystemRandomNumberGenerator())
            let issued = try await accounts.issueInvitations(
                to: AccountSamples.staff, expiresAt: AccountSamples.now + 14 * AccountSamples.day,
                publicURL: AccountSamples.publicURL, now: AccountSamples.now, by: "Dana Whitfield")
            let session = try await accounts.startSession(for: .staff(AccountSamples.staff[0]), now: AccountSamples.now)
            _ = try await accounts.addAdministrator(
                name: "Dana Whitfield", password: "correct horse battery", now: AccountSamples.now, by: "command line")

            let bytes = try await contract.storedBytes()
            #expect(bytes.count > 1000)
            for secret in issued.map(\.token.text) + [session.cookieToken, "correct horse battery"] {
                #expect(bytes.firstRange(of: Data(secret.utf8)) == nil, "\(secret) is stored as it is")
            }
            for hash in issued.map(\.token.storedHash) {
                #expect(bytes.firstRange(of: Data(hash.utf8)) != nil, "the hash \(hash) is not stored")
            }
        }
    }

    @Test(arguments: AccountStoreBackend.underTest)
    func administratorsAreAddedOnceAndFoundWhateverTheCase(backend: AccountStoreBackend) async throws {
        try await backend.withStore { contract in
            let dana = AdministratorAccount(name: "Dana Whitfield", passwordHash: "$2b$04$abc", addedAt: AccountSamples.now)
            let lee = AdministratorAccount(name: "Lee Park", passwordHash: "$2b$04$def", addedAt: AccountSamples.now + 1)
            try await contract.store.addAdministrator(dana)
            try await contract.store.addAdministrator(lee)
            await #expect(throws: AccountError.administratorExists(name: " dana  WHITFIELD")) {
                try await contract.store.addAdministrator(
                    AdministratorAccount(name: " dana  WHITFIELD", passwordHash: "x", addedAt: AccountSamples.now))
            }
            #expect(try await contract.store.administrator(named: "DANA whitfield") == dana)
            #expect(try await contract.store.administrator(named: "Dana") == nil)
            #expect(try await contract.store.administrators() == [dana, lee])
        }
    }

    /// A site administrator's school is kept and read back; an administrator without one is the
    /// district's. A school the roster does not list is refused, naming those it does.
    @Test(arguments: AccountStoreBackend.underTest)
    func administratorsKeepTheirRole(backend: AccountStoreBackend) async throws {
        try await backend.withStore { contract in
            let accounts = DistrictAccounts(
                store: contract.store, roster: FixedRoster(staff: AccountSamples.staff), passwords: CountingHasher(),
                random: SystemRandomNumberGenerator())
            let school = AccountSamples.staff[0].school
            let dana = try await accounts.addAdministrator(
                name: "Dana Whitfield", password: "correct horse battery", now: AccountSamples.now, by: "command line")
            let sam = try await accounts.addAdministrator(
                name: "Sam Ortiz", password: "correct horse battery", school: "  \(school.uppercased()) ",
                now: AccountSamples.now + 1, by: "command line")
            #expect(dana.role == .district && sam.school == school.uppercased())
            #expect(try await contract.store.administrators().map(\.role) == [.district, .site(school: school.uppercased())])
            #expect(try await contract.store.administrator(named: "sam ortiz")?.school == school.uppercased())
            #expect(try await accounts.administratorRole(named: "SAM ORTIZ")?.covers(school: school) == true)
            #expect(try await accounts.administratorRole(named: "Sam Ortiz")?.covers(school: "Elsewhere High") == false)
            let known = Set(AccountSamples.staff.map(\.school)).sorted()
            await #expect(throws: AccountError.schoolNotOnRoster(school: "Elsewhere High", known: known)) {
                try await accounts.addAdministrator(
                    name: "Lee Park", password: "correct horse battery", school: "Elsewhere High", now: AccountSamples.now,
                    by: "command line")
            }
            let added = try await contract.store.auditTrail().events.filter { $0.action == .administratorAdded }.map(\.detail)
            #expect(
                added == ["Dana Whitfield, district administrator", "Sam Ortiz, site administrator of \(school.uppercased())"])
        }
    }

    /// A role changes both ways and an administrator is removed, each audited; a name nobody has
    /// is refused, and so is a school the roster does not list.
    @Test(arguments: AccountStoreBackend.underTest)
    func administratorsChangeRoleAndAreRemoved(backend: AccountStoreBackend) async throws {
        try await backend.withStore { contract in
            let accounts = DistrictAccounts(
                store: contract.store, roster: FixedRoster(staff: AccountSamples.staff), passwords: CountingHasher(),
                random: SystemRandomNumberGenerator())
            let school = AccountSamples.staff[0].school
            _ = try await accounts.addAdministrator(
                name: "Dana Whitfield", password: "correct horse battery", now: AccountSamples.now, by: "command line")
            _ = try await accounts.addAdministrator(
                name: "Sam Ortiz", password: "correct horse battery", now: AccountSamples.now, by: "command line")

            let site = try await accounts.changeAdministrator(
                named: "dana  WHITFIELD", school: school, now: AccountSamples.now, by: "command line")
            #expect(site.name == "Dana Whitfield" && site.role == .site(school: school))
            #expect(try await accounts.administratorRole(named: "Dana Whitfield") == .site(school: school))
            let district = try await accounts.changeAdministrator(
                named: "Dana Whitfield", school: nil, now: AccountSamples.now, by: "command line")
            #expect(district.role == .district && district.passwordHash == site.passwordHash)
            #expect(try await accounts.administratorRole(named: "Dana Whitfield") == .district)

            let removed = try await accounts.removeAdministrator(named: "sam ortiz", now: AccountSamples.now, by: "command line")
            #expect(removed.name == "Sam Ortiz")
            #expect(try await accounts.administratorRole(named: "Sam Ortiz") == nil)
            #expect(try await contract.store.administrators().map(\.name) == ["Dana Whitfield"])

            await #expect(throws: AccountError.noSuchAdministrator(name: "Sam Ortiz")) {
                try await accounts.removeAdministrator(named: "Sam Ortiz", now: AccountSamples.now, by: "command line")
            }
            await #expect(throws: AccountError.noSuchAdministrator(name: "Lee Park")) {
                try await accounts.changeAdministrator(named: "Lee Park", school: nil, now: AccountSamples.now, by: "x")
            }
            await #expect(throws: AccountError.self) {
                try await accounts.changeAdministrator(
                    named: "Dana Whitfield", school: "Elsewhere High", now: AccountSamples.now, by: "x")
            }
            #expect(
                try await accounts.administratorRole(named: "Dana Whitfield") == .district, "a refused change changes nothing")
            let audit = try await contract.store.auditTrail().events.map { "\($0.action.rawValue): \($0.detail)" }
            #expect(
                audit.suffix(3) == [
                    "administrator changed: Dana Whitfield, now site administrator of \(school)",
                    "administrator changed: Dana Whitfield, now district administrator",
                    "administrator removed: Sam Ortiz, district administrator",
                ])
        }
    }

    @Test(arguments: AccountStoreBackend.underTest)
    func sessionsAreFoundTouchedAndDeleted(backend: AccountStoreBackend) async throws {
        try await backend.withStore { contract in
            var random = SplitMix64(seed: 3)
            let policy = SessionPolicy(idle: 1800, absolute: 43_200, touchInterval: 60)
            let people: [SignedInPerson] = [.staff(AccountSamples.staff[2]), .administrator(name: "Dana Whitfield")]
            var hashes: [String] = []
            for (index, person) in people.enumerated() {
                let token = SecretToken(using: &random)
                hashes.append(token.storedHash)
                let started = AccountSamples.now + Double(index) * 3600
                let session = StoredSession(
                    tokenHash: token.storedHash, person: person, csrfToken: SecretToken(using: &random).text,
                    startedAt: started, lastSeenAt: started)
                try await contract.store.saveSession(session)
                #expect(try await contract.store.session(tokenHash: token.storedHash) == session)
            }
            try await contract.store.touchSession(tokenHash: hashes[1], at: AccountSamples.now + 5000)
            #expect(try await contract.store.session(tokenHash: hashes[1])?.lastSeenAt == AccountSamples.now + 5000)

            // At now + 1 h 45: the first (idle since now) has expired, the second (used at 1 h 23) has not.
            let removed = try await contract.store.deleteExpiredSessions(now: AccountSamples.now + 6300, policy: policy)
            #expect(removed == 1)
            #expect(try await contract.store.session(tokenHash: hashes[0]) == nil)
            try await contract.store.deleteSession(tokenHash: hashes[1])
            #expect(try await contract.store.session(tokenHash: hashes[1]) == nil)
        }
    }

    @Test(arguments: AccountStoreBackend.underTest)
    func theAuditLogReadsBackInOrderAndAnEditedOrRemovedLineIsFound(backend: AccountStoreBackend) async throws {
        try await backend.withStore { contract in
            let events = (0..<5).map {
                AuditEvent(
                    at: AccountSamples.now + Double($0), action: .signedIn, actor: "Person \($0)", detail: "invitation link",
                    clientAddress: "192.0.2.\($0)")
            }
            for event in events { try await contract.store.appendAudit(event) }
            let trail = try await contract.store.auditTrail()
            #expect(trail.events == events && trail.problems.isEmpty && trail.entries.map(\.number) == [1, 2, 3, 4, 5])

            if let refusal = await contract.failureOf("UPDATE {schema}.audit_log SET line = 'x' WHERE number = 2") {
                #expect(refusal.contains("append-only"))
            }
            if let refusal = await contract.failureOf("DELETE FROM {schema}.audit_log WHERE number = 2") {
                #expect(refusal.contains("append-only"))
            }
            #expect(try await contract.store.auditTrail().problems.isEmpty)

            try await contract.tamperWithAuditLine(2) { $0.replacingOccurrences(of: "Person 1", with: "Person 9") }
            #expect(try await contract.store.auditTrail().problems.map(\.line) == [3])
            try await contract.tamperWithAuditLine(4) { _ in nil }
            #expect(try await contract.store.auditTrail().problems.map(\.line) == [3, 4])
        }
    }
}
