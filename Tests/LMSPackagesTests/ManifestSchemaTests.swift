import Completion
import Foundation
import LMSPackages
import TestSupport
import Testing

/// Every package's manifest, for every county, is valid against the published schemas (shipped
/// unchanged in Fixtures/schemas, see PROVENANCE.md), checked by two validators: xmllint and
/// Python's xmlschema. Broken manifests prove each validator rejects.
@Suite(
    // Without the validators the tests are skipped on a developer's machine; in CI (CI set) they
    // run and fail, saying what to install.
    .enabled(
        if: (ManifestValidator.xmllint != nil && ManifestValidator.hasXMLSchema)
            || ProcessInfo.processInfo.environment["CI"] != nil,
        "xmllint or xmlschema is not installed (scripts/setup.sh --tests installs both)")
)
struct ManifestSchemaTests {
    @Test(arguments: LMSPackageKind.allCases)
    func everyCountysManifestIsValid(kind: LMSPackageKind) async throws {
        let export = try CoursePackages.export()
        let directory = try Fixtures.temporaryDirectory()
        var manifests: [URL] = []
        for jurisdiction in Fixtures.jurisdictionIDs {
            let files = try CoursePackages.unzipped(
                export.zip(kind, for: try Fixtures.jurisdiction(jurisdiction), seed: CoursePackages.seed))
            let file = directory.appending(path: "\(jurisdiction)-\(kind.manifestName)")
            try #require(files[kind.manifestName]).write(to: file)
            manifests.append(file)
        }
        for file in manifests {
            let checked = try await ManifestValidator.xmllint(kind, file)
            #expect(checked.valid, "xmllint: \(file.lastPathComponent): \(checked.errors)")
        }
        for (file, errors) in try await ManifestValidator.xmlschema(kind, manifests) {
            #expect(errors.isEmpty, "xmlschema: \(file): \(errors)")
        }
    }

    struct Broken: Sendable, CustomTestStringConvertible {
        var kind: LMSPackageKind
        var what: String
        var replacing: String
        var with: String
        var testDescription: String { "\(kind.rawValue): \(what)" }
    }

    static let broken = [
        Broken(kind: .scorm12, what: "a SCO type the schema lacks", replacing: #"scormtype="sco""#, with: #"scormtype="lesson""#),
        Broken(
            kind: .scorm12, what: "an unknown element in the metadata", replacing: "<schema>ADL SCORM</schema>",
            with: "<schema>ADL SCORM</schema><bogus/>"),
        Broken(
            kind: .scorm12, what: "a resource without its identifier", replacing: #"<resource identifier="player" "#,
            with: "<resource "),
        Broken(kind: .scorm12, what: "a file without its href", replacing: #"<file href="lms.js"/>"#, with: "<file/>"),
        Broken(kind: .cmi5, what: "a mastery score above 1", replacing: #"masteryScore="0.8""#, with: #"masteryScore="80""#),
        Broken(kind: .cmi5, what: "an unknown moveOn", replacing: #"moveOn="CompletedAndPassed""#, with: #"moveOn="Pass""#),
        Broken(kind: .cmi5, what: "an AU without a URL", replacing: "<url>index.html</url>", with: ""),
    ]

    @Test(arguments: broken)
    func bothValidatorsRejectABrokenManifest(_ broken: Broken) async throws {
        let files = try CoursePackages.unzipped(
            CoursePackages.export().zip(broken.kind, for: try Fixtures.jurisdiction("marin"), seed: CoursePackages.seed))
        let manifest = String(decoding: try #require(files[broken.kind.manifestName]), as: UTF8.self)
        #expect(manifest.contains(broken.replacing))
        let file = try Fixtures.temporaryDirectory().appending(path: broken.kind.manifestName)
        try Data(manifest.replacing(broken.replacing, with: broken.with).utf8).write(to: file)
        #expect(try await ManifestValidator.xmllint(broken.kind, file).valid == false)
        #expect(try await ManifestValidator.xmlschema(broken.kind, [file]).values.allSatisfy { !$0.isEmpty })
    }
}

/// The two validators, run on manifest files.
enum ManifestValidator {
    static let schemas = CoursePackages.fixtures.appending(path: "schemas")

    static var xmllint: URL? { Program.locate("xmllint") }

    /// Where `scripts/setup.sh --tests` installs the Python validators:
    /// `$XDG_CACHE_HOME/csec-trainer/validators` (default `~/.cache/…`).
    static var validatorsDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        let cache =
            environment["XDG_CACHE_HOME"].map { URL(filePath: $0) }
            ?? URL(filePath: environment["HOME"] ?? NSTemporaryDirectory()).appending(path: ".cache")
        return cache.appending(path: "csec-trainer/validators")
    }

    static var hasXMLSchema: Bool {
        FileManager.default.fileExists(atPath: validatorsDirectory.appending(path: "xmlschema").path)
    }

    /// xmllint's verdict on `file` (SCORM through the driver schema that imports the three namespaces).
    static func xmllint(_ kind: LMSPackageKind, _ file: URL) async throws -> (valid: Bool, errors: String) {
        let xmllint = try #require(xmllint, "xmllint is not installed (apt-get install libxml2-utils)")
        let schema =
            kind == .scorm12 ? schemas.appending(path: "scorm12-driver.xsd") : schemas.appending(path: "cmi5/CourseStructure.xsd")
        let result = try await Program.run(xmllint, ["--noout", "--nonet", "--schema", schema.path, file.path])
        return (result.status == 0, result.error)
    }

    /// xmlschema's errors per file (empty when valid).
    static func xmlschema(_ kind: LMSPackageKind, _ files: [URL]) async throws -> [String: [String]] {
        let python = try #require(Program.locate("python3"), "python3 is not installed")
        let script = CoursePackages.fixtures.appending(path: "validate-manifests.py")
        let result = try await Program.run(
            python, [script.path, schemas.path, kind == .scorm12 ? "scorm12" : "cmi5"] + files.map(\.path),
            environment: ["PYTHONPATH": validatorsDirectory.path])
        #expect(result.status == 0, "validate-manifests.py: \(result.error)")
        return try JSONDecoder().decode([String: [String]].self, from: Data(result.output.utf8))
    }
}
