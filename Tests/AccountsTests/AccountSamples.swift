import Accounts
import Foundation
import Records
import ScenarioEngine
import Storage
import Synchronization

/// People, times and a roster for the accounts tests.
enum AccountSamples {
    /// Whole seconds: both backends keep times to the second at least.
    static let now = Date(timeIntervalSince1970: 1_796_000_000)
    static let day: TimeInterval = 24 * 60 * 60

    static func member(_ id: String, _ name: String, school: String = "Lincoln High", email: String? = nil) -> StaffMember {
        StaffMember(employeeID: id, name: name, email: email ?? "\(id.lowercased())@example.org", school: school)
    }

    static let staff = [
        member("E1", "Ana Ruiz"), member("E2", "Ben Cho"), member("E3", "Cara Lee", school: "Park Elementary"),
    ]

    /// A new invitation of `person` with a fresh token; the token and what the store keeps.
    static func invitation(
        for person: StaffMember, expiresIn days: Double = 14, issuedAt: Date = now,
        using generator: inout some RandomNumberGenerator
    ) -> (token: SecretToken, invitation: Invitation) {
        let token = SecretToken(using: &generator)
        return (
            token,
            Invitation(tokenHash: token.storedHash, person: person, issuedAt: issuedAt, expiresAt: issuedAt + days * day)
        )
    }

    static let publicURL = URL(string: "https://training.example.org")!
}

/// A roster that is what it is given.
struct FixedRoster: RosterRepository {
    var staff: [StaffMember]

    func roster() async throws(StorageError) -> StaffRoster? { StaffRoster(staff) }

    func importRoster(_ staff: [StaffMember], scope: RosterImportScope) async throws(StorageError) -> RosterChanges {
        RosterChanges()
    }
}

/// bcrypt at its lowest cost, counting the checks it makes (to see that refused attempts cost none).
final class CountingHasher: PasswordHasher {
    private let bcrypt = BcryptPasswordHasher(cost: 4)
    private let verifications = Mutex(0)

    var verifyCount: Int { verifications.withLock { $0 } }

    func hash(_ password: String) async -> String { await bcrypt.hash(password) }

    func verify(_ password: String, against hash: String) async -> Bool {
        verifications.withLock { $0 += 1 }
        return await bcrypt.verify(password, against: hash)
    }
}

extension DistrictAccounts {
    /// Accounts in a fresh embedded store in `directory`, with the sample roster, bcrypt at cost
    /// 4 and a seeded generator.
    static func sample(
        in directory: URL, hasher: any PasswordHasher = CountingHasher(), seed: UInt64 = 7,
        limits: SignInLimiter.Rules = .standard, sessions: SessionPolicy = .standard
    ) -> DistrictAccounts {
        DistrictAccounts(
            store: FileAccountStore(dataDirectory: directory), roster: FixedRoster(staff: AccountSamples.staff),
            passwords: hasher, sessionPolicy: sessions, limits: limits, random: SplitMix64(seed: seed))
    }
}
