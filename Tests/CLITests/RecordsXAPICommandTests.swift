import Foundation
import TestSupport
import Testing

extension CLISuite {
    /// `records export --format xapi` and `records send`, run as a user would.
    @Suite
    struct RecordsXAPICommandTests {
        let school: RecordsCommandTests

        init() throws {
            school = try RecordsCommandTests()
        }

        func statements(_ output: String) throws -> [[String: Any]] {
            try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        }

        @Test func exportWritesEveryRecordsStatementsWithEveryChoice() async throws {
            defer { try? FileManager.default.removeItem(at: school.data) }
            _ = try await school.finishSession(name: "Ana Ruiz")
            let export = try await CLIRunner.run([
                "records", "export", "--format", "xapi", "--district-url", "https://www.district.example.org",
                "--data-dir", school.data.path,
            ])
            #expect(export.status == 0)
            let statements = try statements(export.output)
            let verbs = statements.compactMap { ($0["verb"] as? [String: Any])?["id"] as? String }
                .map { $0.split(separator: "/").last.map(String.init) ?? "" }
            #expect(verbs.first == "initialized" && verbs.suffix(3) == ["passed", "completed", "terminated"])
            let answered = statements.filter {
                ($0["verb"] as? [String: Any])?["id"] as? String == "http://adlnet.gov/expapi/verbs/answered"
            }
            #expect(answered.count == verbs.count - 4)
            // The content is the record's: each question lists all its choices, not only two.
            for statement in answered {
                let definition = (statement["object"] as? [String: Any])?["definition"] as? [String: Any]
                #expect(((definition?["choices"] as? [Any])?.count ?? 0) > 2)
            }
            let actor = try #require(statements.first?["actor"] as? [String: Any])
            #expect(actor["name"] == nil)
            #expect((actor["account"] as? [String: Any])?["name"] as? String == "E-77")
            // Ralph's strict model checks them wherever Ralph is installed, and always in CI
            // (where a missing Ralph fails here with `notInstalled`).
            if RalphLRS.runsCases {
                #expect(try RalphLRS.validate(statementsJSON: Data(export.output.utf8)) == [])
            }
            // The same statements again, to a file.
            let file = school.data.appending(path: "statements.json")
            let again = try await CLIRunner.run([
                "records", "export", "--format", "xapi", "--district-url", "https://www.district.example.org", "--out",
                file.path, "--data-dir", school.data.path,
            ])
            #expect(again.status == 0 && again.output.contains("\(statements.count) xAPI statements of 1 record"))
            #expect(try String(contentsOf: file, encoding: .utf8) == export.output)
        }

        @Test func anXAPIExportIsAuditedWhereTheServerKeepsAccounts() async throws {
            defer { try? FileManager.default.removeItem(at: school.data) }
            _ = try await school.finishSession(name: "Ana Ruiz")
            let added = try await CLIRunner.run(
                ["serve", "admin", "add", "Dana Whitfield", "--data-dir", school.data.path], input: "river stone lantern 42\n")
            #expect(added.status == 0, "\(added.error)")
            let export = try await CLIRunner.run([
                "records", "export", "--format", "xapi", "--district-url", "https://www.district.example.org",
                "--data-dir", school.data.path,
            ])
            #expect(export.status == 0, "\(export.error)")
            let log = try String(contentsOf: school.data.appending(path: "accounts/audit.jsonl"), encoding: .utf8)
            #expect(log.contains("records export via command line, 1 record"))
        }

        @Test func exportAsksForTheDistrictsAddress() async throws {
            defer { try? FileManager.default.removeItem(at: school.data) }
            let export = try await CLIRunner.run(["records", "export", "--format", "xapi", "--data-dir", school.data.path])
            #expect(export.status != 0)
            #expect(export.error.contains("--district-url"))
        }

        @Test func sendAsksForThePasswordInTheEnvironment() async throws {
            defer { try? FileManager.default.removeItem(at: school.data) }
            let send = try await CLIRunner.run(
                [
                    "records", "send", "--lrs", "http://127.0.0.1:9/xAPI/", "--lrs-user", "csec", "--district-url",
                    "https://www.district.example.org", "--data-dir", school.data.path,
                ], environment: ["CSEC_TRAINER_LRS_PASSWORD": ""])
            #expect(send.status == 1)
            #expect(send.error.contains("CSEC_TRAINER_LRS_PASSWORD"))
        }

        @Test(.enabled(if: RalphLRS.runsCases, Comment(rawValue: RalphLRS.skipMessage)))
        func sendDeliversOnceAndReportsAWrongPassword() async throws {
            defer { try? FileManager.default.removeItem(at: school.data) }
            _ = try await school.finishSession(name: "Ana Ruiz")
            let added = try await CLIRunner.run(
                ["serve", "admin", "add", "Dana Whitfield", "--data-dir", school.data.path], input: "river stone lantern 42\n")
            #expect(added.status == 0, "\(added.error)")
            try await RalphLRS.run { lrs in
                func send(password: String) async throws -> Program.Result {
                    try await CLIRunner.run(
                        [
                            "records", "send", "--lrs", lrs.endpoint.absoluteString, "--lrs-user", lrs.username,
                            "--district-url", "https://www.district.example.org", "--data-dir", school.data.path,
                        ], environment: ["CSEC_TRAINER_LRS_PASSWORD": password])
                }
                let refused = try await send(password: "wrong")
                #expect(refused.status == 1)
                #expect(refused.output.contains("1 record queued now"))
                #expect(refused.output.contains("0 records delivered") && refused.output.contains("1 still queued"))
                #expect(refused.output.contains("user name or password"))

                let sent = try await send(password: lrs.password)
                #expect(sent.status == 0, "\(sent.output)\(sent.error)")
                #expect(sent.output.contains("0 records queued now, 1 queued or delivered before"))
                #expect(sent.output.contains("1 record delivered"))

                let again = try await send(password: lrs.password)
                #expect(again.status == 0 && again.output.contains("0 records delivered"), "\(again.output)")
                let export = try await CLIRunner.run([
                    "records", "export", "--format", "xapi", "--district-url", "https://www.district.example.org",
                    "--data-dir", school.data.path,
                ])
                let exported = try statements(export.output)
                let registration = try #require((exported.first?["context"] as? [String: Any])?["registration"] as? String)
                #expect(try await lrs.statements(registration: registration).count == exported.count)

                // Each send is a line of the audit log, whatever came of it.
                let log = try String(contentsOf: school.data.appending(path: "accounts/audit.jsonl"), encoding: .utf8)
                let sends = try log.split(separator: "\n").compactMap { line in
                    let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                    let event = try #require(entry["event"] as? [String: Any])
                    return event["action"] as? String == "statements sent" ? event : nil
                }
                let to = "sent to \(lrs.endpoint.absoluteString)"
                #expect(
                    sends.compactMap { $0["detail"] as? String } == [
                        "xAPI statements of 0 records \(to), 1 still queued",
                        "xAPI statements of 1 record \(to), 0 still queued",
                        "xAPI statements of 0 records \(to), 0 still queued",
                    ])
                #expect(sends.allSatisfy { $0["actor"] as? String == ProcessInfo.processInfo.userName })
            }
        }

        @Test func sendAsksForAUserOrAToken() async throws {
            defer { try? FileManager.default.removeItem(at: school.data) }
            let lrs = [
                "records", "send", "--lrs", "http://127.0.0.1:9/xAPI/", "--district-url", "https://www.district.example.org",
            ]
            let neither = try await CLIRunner.run(
                lrs + ["--data-dir", school.data.path], environment: ["CSEC_TRAINER_LRS_TOKEN": ""])
            #expect(neither.status != 0)
            #expect(neither.error.contains("--lrs-user") && neither.error.contains("CSEC_TRAINER_LRS_TOKEN"), "\(neither.error)")
            let both = try await CLIRunner.run(
                lrs + ["--lrs-user", "csec", "--lrs-token-file", "token", "--data-dir", school.data.path])
            #expect(both.status != 0 && both.error.contains("not both"), "\(both.error)")
            let missing = school.data.appending(path: "no-such-token")
            let unreadable = try await CLIRunner.run(lrs + ["--lrs-token-file", missing.path, "--data-dir", school.data.path])
            #expect(unreadable.status == 1)
            #expect(unreadable.error.contains("access token file \(missing.path) cannot be read"), "\(unreadable.error)")
            // Credentials and statements in clear only to this machine.
            let plain = try await CLIRunner.run(
                ["records", "send", "--lrs", "http://lrs.district.example.org/xAPI/", "--lrs-user", "csec"]
                    + ["--district-url", "https://www.district.example.org", "--data-dir", school.data.path])
            #expect(plain.status != 0 && plain.error.contains("https address"), "\(plain.error)")
        }

        /// `records send` with an OAuth 2 access token: Ralph's `oidc` backend, a token from
        /// oidc-provider-mock's code flow.
        @Test(
            .enabled(if: RalphLRS.runsCases, Comment(rawValue: RalphLRS.skipMessage)),
            .enabled(if: OpenIDProviderMock.runsCases, Comment(rawValue: OpenIDProviderMock.skipMessage)))
        func sendWithAnAccessToken() async throws {
            defer { try? FileManager.default.removeItem(at: school.data) }
            _ = try await school.finishSession(name: "Ana Ruiz")
            try await OpenIDProviderMock.run(tokenLifetime: 300) { provider in
                try await RalphLRS.run(openID: .init(issuer: provider.issuer, audience: "csec-trainer-lrs")) { lrs in
                    let send = [
                        "records", "send", "--lrs", lrs.endpoint.absoluteString, "--district-url",
                        "https://www.district.example.org", "--data-dir", school.data.path,
                    ]
                    let refused = try await CLIRunner.run(send, environment: ["CSEC_TRAINER_LRS_TOKEN": "not-a-valid-token"])
                    #expect(refused.status == 1)
                    #expect(
                        refused.output.contains("1 still queued") && refused.output.contains("access token"), "\(refused.output)")
                    let token = try await ProviderBrowser.idToken(for: "lrs-sender", clientID: "csec-trainer-lrs", at: provider)
                    let tokenFile = school.data.appending(path: "lrs-token")
                    try Data("\(token)\n".utf8).write(to: tokenFile)
                    let sent = try await CLIRunner.run(send + ["--lrs-token-file", tokenFile.path])
                    #expect(sent.status == 0, "\(sent.output)\(sent.error)")
                    #expect(sent.output.contains("1 record delivered"))
                }
            }
        }

        /// `serve --lrs`: the background sender delivers what is queued as soon as the server runs.
        @Test(.enabled(if: RalphLRS.runsCases, Comment(rawValue: RalphLRS.skipMessage)))
        func theServerSendsWhatIsQueued() async throws {
            defer { try? FileManager.default.removeItem(at: school.data) }
            _ = try await school.finishSession(name: "Ana Ruiz")
            let district = ["--district-url", "https://www.district.example.org", "--data-dir", school.data.path]
            let export = try await CLIRunner.run(["records", "export", "--format", "xapi"] + district)
            let exported = try statements(export.output)
            let registration = try #require((exported.first?["context"] as? [String: Any])?["registration"] as? String)
            try await RalphLRS.run { lrs in
                let lrsOptions = ["--lrs", lrs.endpoint.absoluteString, "--lrs-user", lrs.username]
                // Queued, not delivered: the password is wrong.
                let refused = try await CLIRunner.run(
                    ["records", "send"] + lrsOptions + district, environment: ["CSEC_TRAINER_LRS_PASSWORD": "wrong"])
                #expect(refused.status == 1 && refused.output.contains("1 still queued"), "\(refused.output)")
                let port = try OpenIDProviderMock.freePort()
                let server = try HostProcess(
                    ["serve", "--bind", "127.0.0.1:\(port)", "--jurisdiction", "marin"] + lrsOptions + district,
                    environment: ["CSEC_TRAINER_LRS_PASSWORD": lrs.password])
                let deadline = ContinuousClock.now + .seconds(90)
                var stored = 0
                while stored < exported.count, ContinuousClock.now < deadline, server.process.isRunning {
                    try await Task.sleep(for: .milliseconds(250))
                    stored = try await lrs.statements(registration: registration).count
                }
                #expect(stored == exported.count, "\(server.printed.text)")
                kill(server.process.processIdentifier, SIGTERM)
                #expect(await server.waitForExit(timeout: .seconds(60)), "\(server.printed.text)")
                #expect(server.printed.text.contains("xAPI delivery"), "\(server.printed.text)")
            }
        }
    }
}
