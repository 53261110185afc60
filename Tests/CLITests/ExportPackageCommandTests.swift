import Foundation
import TestSupport
import Testing

extension CLISuite {
    /// `csec-trainer export scorm|cmi5` as a user runs them: the package is written where
    /// `--out` says, the same command writes the same bytes, the site's contacts and assistance
    /// line reach the player, and an unknown county is refused.
    @Suite
    struct ExportPackageCommandTests {
        static let site = """
            format: 1
            site: Lincoln High School
            employee-assistance-program:
              name: District Employee Assistance Program
              phone: 1-800-555-0199

            """

        /// Prints the archive's names, one a line, then its content.js on one line.
        static let reader = """
            import sys, zipfile
            archive = zipfile.ZipFile(sys.argv[1])
            assert archive.testzip() is None
            print("\\n".join(archive.namelist()))
            print(archive.read("content.js").decode("utf-8").replace("\\n", " "))
            """

        @Test(arguments: [("scorm", "imsmanifest.xml"), ("cmi5", "cmi5.xml")])
        func aPackageIsWrittenTheSameEachTimeWithTheSitesSupportLine(kind: String, manifest: String) async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            try Data(Self.site.utf8).write(to: data.appending(path: "site.yaml"))
            var packages: [Data] = []
            for name in ["first.zip", "second.zip"] {
                let out = data.appending(path: name)
                let result = try await CLIRunner.run(
                    ["export", kind, "--jurisdiction", "marin", "--data-dir", data.path, "--out", out.path])
                #expect(result.status == 0, "\(result.error)")
                #expect(result.output.contains(out.path))
                packages.append(try Data(contentsOf: out))
            }
            #expect(packages[0] == packages[1])
            // Read back by Python's zipfile: another zip reader than the one that wrote it.
            let names = try await CLIRunner.tool(
                "python3", ["-c", Self.reader, data.appending(path: "first.zip").path]
            ).split(separator: "\n").map(String.init)
            #expect(names.dropLast() == [manifest, "index.html", "player.css", "player.js", "lms.js", "content.js"])
            #expect(names.last?.contains("District Employee Assistance Program: 1-800-555-0199") == true)
        }

        @Test func anUnknownJurisdictionIsRefusedAndNothingIsWritten() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let out = data.appending(path: "pkg.zip")
            let result = try await CLIRunner.run(
                ["export", "scorm", "--jurisdiction", "atlantis", "--data-dir", data.path, "--out", out.path])
            #expect(result.status != 0)
            #expect(result.error.contains("atlantis"))
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }
}
