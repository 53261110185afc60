import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shows a long text through a pager (`PAGER`, else `less -R`) when it does not fit the
/// terminal, so that its start can be read; otherwise, or when there is no pager, the text is
/// printed as it is.
public struct Pager: Sendable {
    /// The shell command that pages standard input, or nil for none.
    public var command: String?
    public var rows: Int
    public var columns: Int

    public init(command: String?, rows: Int, columns: Int) {
        self.command = command
        self.rows = rows
        self.columns = columns
    }

    /// The pager of standard output: none unless it is a terminal; `PAGER` when set (an empty
    /// one means none), else `less -R` when `less` is installed.
    public static func forStandardOutput(environment: [String: String]) -> Pager {
        let command: String?
        if isatty(STDOUT_FILENO) == 0 {
            command = nil
        } else if let pager = environment["PAGER"] {
            command = pager.trimmingCharacters(in: .whitespaces).isEmpty ? nil : pager
        } else {
            command = Self.isInstalled("less", path: environment["PATH"]) ? "less -R" : nil
        }
        return Pager(
            command: command, rows: TerminalSize.rows(environment: environment),
            columns: TerminalSize.columns(environment: environment))
    }

    /// Whether `text` fits on one screen, leaving a row for the prompt.
    public func fits(_ text: String) -> Bool {
        var used = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            used += max(1, (TextWrapper.visibleWidth(of: String(line)) + columns - 1) / columns)
        }
        if text.hasSuffix("\n") { used -= 1 }
        return used < rows
    }

    /// Pages `text` if it does not fit; returns false when it should be printed instead (it
    /// fits, there is no pager, or the pager could not run).
    public func page(_ text: String) -> Bool {
        guard let command, !fits(text) else { return false }
        let file = FileManager.default.temporaryDirectory.appending(path: "csec-trainer-page-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        guard (try? Data(text.utf8).write(to: file, options: .atomic)) != nil else { return false }
        guard let status = run(command, input: file) else { return false }
        return status != 126 && status != 127  // the shell's "cannot run" and "not found"
    }

    /// Runs `sh -c command` with `input` as its standard input, waits for it and returns its exit
    /// status (-1 when a signal ended it), or nil if it could not start. Ctrl-C belongs to the
    /// pager meanwhile: this process ignores it, the pager gets the default handling.
    private func run(_ command: String, input: URL) -> Int32? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input.path, O_RDONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let previous = signal(SIGINT, SIG_IGN)
        defer { signal(SIGINT, previous) }

        let words: [String] = ["/bin/sh", "-c", command]
        let arguments = words.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
    }

    private static func isInstalled(_ name: String, path: String?) -> Bool {
        (path ?? "/usr/bin:/bin").split(separator: ":").contains { access("\($0)/\(name)", X_OK) == 0 }
    }
}
