import BrowserTesting
import Foundation
import TestSupport
import Testing

/// The outcome page's downloads as Chromium saves them, checked as the district would: the PDF
/// with `qpdf --check` and `csec-trainer certificate verify`, the Open Badges credential with
/// `certificate verify` and against the 1EdTech Open Badges 3.0 schema. qpdf, the built
/// csec-trainer and Python's jsonschema missing: skipped outside CI, failed in it.
enum DistrictDownloads {
    /// Clicks the link `selector` on `page` and returns the file Chromium saved for it, in
    /// `directory` (empty before: one folder per download), under the name the server gave it.
    static func download(clicking selector: String, on page: BrowserPage, into directory: URL) async throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Downloads are allowed per browser context: the one this page's tab belongs to.
        let context = try await page.send("Target.getTargetInfo")["targetInfo"]["browserContextId"]
        try await page.devTools.send(
            "Browser.setDownloadBehavior",
            ["behavior": "allow", "browserContextId": context, "downloadPath": .string(directory.path)])
        try await page.click(selector)
        var saved: URL?
        // Chromium writes into a .crdownload file and gives it its name once complete.
        try await Waiting.until("Chromium to save what \(selector) downloads", timeout: .seconds(30)) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            saved = names.first { !$0.hasSuffix(".crdownload") }.map { directory.appending(path: $0) }
            return saved != nil && names.count == 1
        }
        return try #require(saved)
    }

    /// The certificate is a PDF that qpdf finds sound and `certificate verify` accepts with the
    /// installation's key in `dataDirectory`.
    static func checkCertificate(_ file: URL, dataDirectory: URL) async throws {
        #expect(file.pathExtension == "pdf")
        #expect(try Data(contentsOf: file).starts(with: Data("%PDF".utf8)))
        if let qpdf = tool("qpdf") {
            let check = try await Program.run(qpdf, ["--check", file.path])
            #expect(check.status == 0, "qpdf --check: \(check.output)\(check.error)")
        }
        try await verify(file, dataDirectory: dataDirectory)
    }

    /// The credential is accepted by `certificate verify`, and its payload validates against
    /// the Open Badges 3.0 AchievementCredential schema.
    static func checkCredential(_ file: URL, dataDirectory: URL) async throws {
        #expect(file.pathExtension == "jwt")
        try await verify(file, dataDirectory: dataDirectory)
        try OpenBadgesSchemaCheck.check(try String(contentsOf: file, encoding: .utf8))
    }

    /// `csec-trainer certificate verify FILE --data-dir DIR`, as a district checks a certificate.
    private static func verify(_ file: URL, dataDirectory: URL) async throws {
        guard let program = csecTrainer else {
            if isCI { Issue.record("the built csec-trainer is not next to the tests: run swift build --build-tests") }
            return
        }
        let run = try await Program.run(program, ["certificate", "verify", file.path, "--data-dir", dataDirectory.path])
        #expect(
            run.status == 0 && run.output.hasPrefix("valid:"),
            "certificate verify \(file.lastPathComponent): \(run.output)\(run.error)")
    }

    /// The csec-trainer built with the tests (in the products folder beside them).
    private static var csecTrainer: URL? {
        [
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Fixtures.repositoryRoot.appending(path: ".build/debug"),
        ]
        .map { $0.appending(path: "csec-trainer") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    private static func tool(_ name: String) -> URL? {
        let found = Program.locate(name)
        if found == nil, isCI { Issue.record("\(name) is not installed (Debian: \(name))") }
        return found
    }

    private static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }
}
