import Foundation
import TestSupport
import Testing

/// scripts/csec-trainer.service, the systemd unit a district installs `serve` with: hardened
/// as docs promise, and accepted by systemd itself without a warning.
@Suite("systemd service unit")
struct ServiceUnitTests {
    static let unit = Fixtures.repositoryRoot.appending(path: "scripts/csec-trainer.service")
    static let installedBinary = "/usr/local/bin/csec-trainer"

    /// The settings the unit must have, by section: its own user, a read-only system but for
    /// the data directory, restarts, secrets from a file.
    static let requiredSettings: [(section: String, setting: String)] = [
        ("Service", "User=csec-trainer"),
        ("Service", "Group=csec-trainer"),
        ("Service", "ProtectSystem=strict"),
        ("Service", "ReadWritePaths=/var/lib/csec-trainer"),
        ("Service", "StateDirectory=csec-trainer"),
        ("Service", "Restart=on-failure"),
        ("Service", "EnvironmentFile=/etc/csec-trainer/csec-trainer.env"),
        ("Service", "NoNewPrivileges=yes"),
        ("Service", "CapabilityBoundingSet="),
        ("Service", "PrivateTmp=yes"),
        ("Service", "ProtectHome=yes"),
        ("Install", "WantedBy=multi-user.target"),
    ]

    @Test("The unit has each hardening setting", arguments: requiredSettings)
    func hasSetting(section: String, setting: String) throws {
        #expect(try Self.settings(in: section).contains(setting))
    }

    @Test("The service runs `csec-trainer serve` and its environment file names the database and the OpenID secret")
    func runsServe() throws {
        let execStart = try #require(try Self.settings(in: "Service").first { $0.hasPrefix("ExecStart=") })
        #expect(execStart.hasPrefix("ExecStart=\(Self.installedBinary) serve "))
        let text = try String(contentsOf: Self.unit, encoding: .utf8)
        #expect(text.contains("CSEC_TRAINER_DATABASE="))
        #expect(text.contains("CSEC_TRAINER_OIDC_CLIENT_SECRET="))
    }

    @Test(
        "systemd-analyze verify accepts the unit without a warning",
        .enabled(
            if: Program.locate("systemd-analyze") != nil,
            "systemd-analyze is not installed (it comes with systemd): the unit is not verified"))
    func systemdAcceptsTheUnit() async throws {
        let analyze = try #require(Program.locate("systemd-analyze"))
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // verify checks that ExecStart's program exists: the one built for these tests stands in
        // for the installed one.
        let binary = CLIRunner.executable
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build csec-trainer first")
        let text = try String(contentsOf: Self.unit, encoding: .utf8)
            .replacingOccurrences(of: Self.installedBinary, with: binary.path)
        let copy = directory.appending(path: "csec-trainer.service")
        try Data(text.utf8).write(to: copy)
        let result = try await Program.run(analyze, ["verify", copy.path])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        // A misspelt or unknown setting is only a warning (status 0), naming the file.
        let warnings = (result.output + result.error).split(separator: "\n").filter { $0.contains("csec-trainer.service") }
        #expect(warnings.isEmpty, "\(warnings.joined(separator: "\n"))")
    }

    /// The lines of `section`, comments and blank lines left out.
    private static func settings(in section: String) throws -> [String] {
        var current = ""
        var lines: [String] = []
        for line in try String(contentsOf: unit, encoding: .utf8).split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") {
                current = String(trimmed.dropFirst().dropLast())
            } else if current == section, !trimmed.isEmpty, !trimmed.hasPrefix("#") {
                lines.append(trimmed)
            }
        }
        return lines
    }
}
