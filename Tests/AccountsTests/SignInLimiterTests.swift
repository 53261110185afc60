import Accounts
import Foundation
import Testing

/// How many password attempts reach the password check.
@Suite struct SignInLimiterTests {
    static let rules = SignInLimiter.Rules(attemptsPerClient: 3, attemptsPerName: 5, window: 600)

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// (client, name, seconds from the start) of each attempt, in order.
        var attempts: [(String, String, TimeInterval)]
        /// The decision on the last one.
        var last: SignInLimiter.Decision
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "the third from a client", attempts: [("a", "dana", 0), ("a", "dana", 1), ("a", "dana", 2)], last: .allowed),
        Case(
            name: "the fourth from a client",
            attempts: [("a", "dana", 0), ("a", "lee", 1), ("a", "kim", 2), ("a", "dana", 3)],
            last: .refused(retryAfterSeconds: 597)),
        Case(
            name: "the fourth after the window",
            attempts: [("a", "dana", 0), ("a", "dana", 1), ("a", "dana", 2), ("a", "dana", 600)],
            last: .allowed),
        Case(
            name: "another client", attempts: [("a", "dana", 0), ("a", "dana", 1), ("a", "dana", 2), ("b", "dana", 3)],
            last: .allowed),
        Case(
            name: "the sixth on a name from many clients",
            attempts: (0..<6).map { ("c\($0)", "dana", TimeInterval($0 * 10)) }, last: .refused(retryAfterSeconds: 550)),
        Case(
            name: "another name after the sixth",
            attempts: (0..<5).map { ("c\($0)", "dana", TimeInterval($0)) } + [("c9", "lee", 9)],
            last: .allowed),
    ]

    @Test(arguments: cases)
    func attemptsAreCountedPerClientAndPerName(rule: Case) {
        var limiter = SignInLimiter(rules: Self.rules)
        let start = AccountSamples.now
        var last: SignInLimiter.Decision?
        for (client, name, seconds) in rule.attempts {
            last = limiter.admit(client: client, name: name, now: start + seconds)
        }
        #expect(last == rule.last)
    }

    @Test func refusedAttemptsAreNotCountedAndSuccessClears() {
        var limiter = SignInLimiter(rules: Self.rules)
        let start = AccountSamples.now
        for second in 0..<1000 { _ = limiter.admit(client: "a", name: "dana", now: start + Double(second) / 10) }
        // Only three reached the check, so the name is far from its limit of five.
        #expect(limiter.admit(client: "b", name: "dana", now: start + 101) == .allowed)
        #expect(limiter.admit(client: "c", name: "dana", now: start + 101) == .allowed)
        #expect(limiter.admit(client: "d", name: "dana", now: start + 101) == .refused(retryAfterSeconds: 499))
        limiter.succeeded(client: "d", name: "dana")
        #expect(limiter.admit(client: "d", name: "dana", now: start + 102) == .allowed)
    }

    /// Whatever the clients and times, no client gets more checks in a window than the rule allows.
    @Test func noClientExceedsItsAttemptsInAnyWindow() {
        var generator = SystemRandomNumberGenerator()
        var limiter = SignInLimiter(rules: Self.rules)
        var allowed: [String: [TimeInterval]] = [:]
        var time: TimeInterval = 0
        for _ in 0..<5000 {
            time += Double(Int.random(in: 0...60, using: &generator))
            let client = "c\(Int.random(in: 0..<4, using: &generator))"
            let name = "n\(Int.random(in: 0..<20, using: &generator))"
            if limiter.admit(client: client, name: name, now: AccountSamples.now + time) == .allowed {
                allowed[client, default: []].append(time)
            }
        }
        for times in allowed.values {
            for (index, start) in times.enumerated() {
                #expect(times[index...].prefix { $0 < start + 600 }.count <= 3)
            }
        }
    }

    @Test func expiredClientsAreForgotten() {
        var limiter = SignInLimiter(rules: Self.rules)
        for client in 0..<12_000 { _ = limiter.admit(client: "c\(client)", name: "n\(client)", now: AccountSamples.now) }
        _ = limiter.admit(client: "late", name: "late", now: AccountSamples.now + 601)
        #expect(limiter.trackedKeys <= 4)
    }
}

/// Administrators' password sign-in through the accounts: bcrypt, rate limited.
@Suite struct AdministratorSignInTests {
    static let password = "correct horse battery staple"

    @Test func tenThousandWrongPasswordsAreRefusedWithoutHashingAndTheRightOneFromElsewhereIsAccepted() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let hasher = CountingHasher()
        let accounts = DistrictAccounts.sample(in: folder.url, hasher: hasher)
        _ = try await accounts.addAdministrator(
            name: "Dana Whitfield", password: Self.password, now: AccountSamples.now, by: "cli")

        let outcomes = await withTaskGroup(of: AccountError?.self) { group in
            for attempt in 0..<10_000 {
                group.addTask {
                    do throws(AccountError) {
                        _ = try await accounts.signInAdministrator(
                            name: "dana whitfield", password: "guess \(attempt)", client: "203.0.113.9",
                            now: AccountSamples.now + Double(attempt) / 100)
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            return await group.reduce(into: [AccountError?]()) { $0.append($1) }
        }
        let standard = SignInLimiter.Rules.standard
        #expect(outcomes.filter { $0 == .wrongPassword }.count == standard.attemptsPerClient)
        #expect(
            outcomes.filter { if case .tooManyAttempts = $0 { true } else { false } }.count
                == 10_000 - standard.attemptsPerClient)
        #expect(hasher.verifyCount == standard.attemptsPerClient)

        let name = try await accounts.signInAdministrator(
            name: "Dana Whitfield", password: Self.password, client: "198.51.100.4", now: AccountSamples.now + 101)
        #expect(name == "Dana Whitfield")
        await #expect(throws: AccountError.self) {
            try await accounts.signInAdministrator(
                name: "Dana Whitfield", password: Self.password, client: "203.0.113.9", now: AccountSamples.now + 102)
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var password: String
        var refusal: AccountError?
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "right", password: password, refusal: nil),
        Case(name: "wrong", password: "correct horse battery stapler", refusal: .wrongPassword),
        Case(name: "empty", password: "", refusal: .wrongPassword),
    ]

    @Test(arguments: cases)
    func aPasswordIsCheckedAgainstItsBcryptHash(rule: Case) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let accounts = DistrictAccounts.sample(in: folder.url)
        let account = try await accounts.addAdministrator(
            name: "Dana Whitfield", password: Self.password, now: AccountSamples.now, by: "cli")
        #expect(account.passwordHash.hasPrefix("$2b$04$") && !account.passwordHash.contains(Self.password))
        let signIn = { () async throws(AccountError) -> String in
            try await accounts.signInAdministrator(
                name: "Dana Whitfield", password: rule.password, client: "a", now: AccountSamples.now)
        }
        if let refusal = rule.refusal {
            await #expect(throws: refusal) { try await signIn() }
        } else {
            #expect(try await signIn() == "Dana Whitfield")
        }
    }

    @Test func anUnknownNameCostsAPasswordCheckAndSaysTheSame() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let hasher = CountingHasher()
        let accounts = DistrictAccounts.sample(in: folder.url, hasher: hasher)
        await #expect(throws: AccountError.wrongPassword) {
            try await accounts.signInAdministrator(name: "Nobody", password: Self.password, client: "a", now: AccountSamples.now)
        }
        #expect(hasher.verifyCount == 1)
    }

    static let refusedAdditions: [(name: String, password: String, refusal: AccountError)] = [
        ("", password, .unusableAdministratorName("")),
        ("Dana\u{7}", password, .unusableAdministratorName("Dana\u{7}")),
        (String(repeating: "x", count: 65), password, .unusableAdministratorName(String(repeating: "x", count: 65))),
        ("Dana", "short", .passwordTooShort(minimum: AdministratorAccount.shortestPassword)),
        ("Dana", String(repeating: "é", count: 37), .passwordTooLong(maximumBytes: 72)),
    ]

    @Test(arguments: refusedAdditions)
    func anUnusableNameOrPasswordIsRefused(addition: (name: String, password: String, refusal: AccountError)) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let accounts = DistrictAccounts.sample(in: folder.url)
        await #expect(throws: addition.refusal) {
            try await accounts.addAdministrator(
                name: addition.name, password: addition.password, now: AccountSamples.now, by: "cli")
        }
        #expect(try await accounts.store.administrators().isEmpty)
    }
}
