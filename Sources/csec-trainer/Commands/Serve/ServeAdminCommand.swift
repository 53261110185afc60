import Accounts
import ArgumentParser
import Foundation
import PostgresStorage
import Storage

#if canImport(Glibc)
    import Glibc
#endif

/// `serve admin`: the district server's administrators, added here and nowhere else.
struct ServeAdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "The district server's administrators (they sign in with a name and password).",
        subcommands: [
            ServeAdminAddCommand.self, ServeAdminListCommand.self, ServeAdminRoleCommand.self, ServeAdminRemoveCommand.self,
        ]
    )
}

struct ServeAdminAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an administrator.",
        discussion: """
            At a terminal the password is asked for twice and not shown; from a pipe it is the \
            first line of standard input. It is kept only as a bcrypt hash. Use at least \
            \(AdministratorAccount.shortestPassword) characters: a few words make a good one.

            With --school, a site administrator: they see the people and records of that school \
            only. Without it, a district administrator, who sees every school.
            """)

    @Argument(help: "The administrator's name, as they will type it to sign in.") var name: String
    @Option(help: "Make a site administrator of this school (as the staff roster writes it); without it, the district's.")
    var school: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let password = try PasswordInput.read(for: name)
        let (name, school, actor) = (name, school, AccountsAccess.commandLineActor)
        let account = try database.usingAccounts(data) { accounts async throws(AccountError) in
            try await accounts.addAdministrator(name: name, password: password, school: school, now: Date(), by: actor)
        }
        print("Added administrator \(account.name), \(account.role.words). They sign in on the server's administrator page.")
    }
}

struct ServeAdminRoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role",
        abstract: "Change an administrator's role: a site administrator of one school, or the district's.",
        discussion: """
            It takes effect at the administrator's next request: a site administrator then sees \
            the people and records of their school only. Recorded in the audit log.
            """)

    @Argument(help: "The administrator's name (case and extra spaces ignored).") var name: String
    @Option(help: "Make them a site administrator of this school (as the staff roster writes it).") var school: String?
    @Flag(help: "Make them a district administrator, who sees every school.") var district = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func validate() throws {
        guard (school == nil) == district else {
            throw ValidationError("Give either --school \"School name\" or --district.")
        }
    }

    func run() throws {
        let (name, school, actor) = (name, school, AccountsAccess.commandLineActor)
        let account = try database.usingAccounts(data) { accounts async throws(AccountError) in
            try await accounts.changeAdministrator(named: name, school: school, now: Date(), by: actor)
        }
        print("\(account.name) is now \(account.role.words).")
    }
}

struct ServeAdminRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove an administrator.",
        discussion: """
            They can no longer sign in, and a session they have open is refused at its next \
            request. Recorded in the audit log.
            """)

    @Argument(help: "The administrator's name (case and extra spaces ignored).") var name: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let (name, actor) = (name, AccountsAccess.commandLineActor)
        let account = try database.usingAccounts(data) { accounts async throws(AccountError) in
            try await accounts.removeAdministrator(named: name, now: Date(), by: actor)
        }
        print("Removed administrator \(account.name) (\(account.role.words)).")
    }
}

struct ServeAdminListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the administrators.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let administrators = try database.usingAccounts(data) { accounts async throws(AccountError) in
            try await accounts.store.administrators()
        }
        guard !administrators.isEmpty else {
            print("No administrators yet. Add one: csec-trainer serve admin add NAME")
            return
        }
        let day = Date.ISO8601FormatStyle(timeZone: .current).year().month().day()
        for account in administrators {
            print("\(account.name)\t\(account.role.words)\tadded \(account.addedAt.formatted(day))")
        }
    }
}

/// Reads a new password: twice without echo at a terminal, else the first line of standard input.
enum PasswordInput {
    static func read(for name: String) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("No password on standard input: give it as the first line.")
            }
            return line.hasSuffix("\r") ? String(line.dropLast()) : line
        }
        let first = try prompt("Password for \(name): ")
        let second = try prompt("The same password again: ")
        guard first == second else { throw ValidationError("The two passwords differ; nothing was changed.") }
        return first
    }

    /// Asks on standard error and reads a line with the terminal's echo off (restored after,
    /// also when reading fails).
    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw ValidationError("Cannot turn off the terminal's echo.") }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        let line = readLine(strippingNewline: true)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
        FileHandle.standardError.write(Data("\n".utf8))
        guard let line, !line.isEmpty else { throw ValidationError("No password was typed; nothing was changed.") }
        return line
    }
}

/// What the account commands share.
enum AccountsAccess {
    /// Who the audit log names for what the command line does.
    static var commandLineActor: String { "command line (\(ProcessInfo.processInfo.userName))" }
}

extension DatabaseOptions {
    /// Runs `body` with the accounts kept beside the records (the database's tables, else the
    /// data directory's `accounts/` folder) and the backend's staff roster; a storage or
    /// account error is printed and exits with failure.
    func usingAccounts<Value: Sendable>(
        _ data: DataOptions, _ body: @escaping @Sendable (DistrictAccounts) async throws(AccountError) -> Value
    ) throws -> Value {
        let directory = data.directory
        let outcome: Result<Value, AccountError> = try using(data) { backend async throws(StorageError) in
            do throws(AccountError) {
                return .success(try await body(try await backend.accounts(dataDirectory: directory)))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let value): return value
        case .failure(let error):
            StandardError.print("error: \(error.description)")
            throw ExitCode.failure
        }
    }
}
