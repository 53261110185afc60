import Completion
import ContentLoading
import Foundation
import LMSPackages
import Scoring
import TestSupport
import Testing

/// What each kind of package holds: its manifest at the root listing every file, the player with
/// its kind's adapter as lms.js, the content as content.js, the page's connect-src for its kind;
/// and the same input zips to the same bytes.
struct LMSPackageTests {
    @Test(arguments: LMSPackageKind.allCases)
    func aPackageHoldsItsManifestThePlayerItsAdapterAndTheContent(kind: LMSPackageKind) throws {
        let export = try CoursePackages.export()
        let files = try CoursePackages.unzipped(
            export.zip(kind, for: try Fixtures.jurisdiction("marin"), seed: CoursePackages.seed))
        let player = try export.playerFiles()
        #expect(
            Set(files.keys) == [kind.manifestName, "index.html", "player.css", "player.js", "lms.js", "content.js"])
        #expect(files["lms.js"] == player.files[kind.adapterSource])
        #expect(files["player.js"] == player.files["player.js"])
        let page = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(!page.contains("{{"))
        #expect(page.contains(kind == .scorm12 ? "connect-src 'none'" : "connect-src http: https:"))
        let script = String(decoding: try #require(files["content.js"]), as: UTF8.self)
        let prefix = "window.CSEC_CONTENT = "
        #expect(script.hasPrefix(prefix))
        let json = Data(script.dropFirst(prefix.count).dropLast(2).utf8)
        let decoded = try JSONDecoder().decode(PlayerContent.self, from: json)
        #expect(decoded == (try CoursePackages.content("marin")))
    }

    @Test(arguments: Fixtures.jurisdictionIDs)
    func theContentMatchesItsPublishedSchema(jurisdiction: String) throws {
        let schema = Fixtures.repositoryRoot.appending(path: "schemas/lms-player-content.schema.json")
        let files = try CoursePackages.unzipped(
            CoursePackages.export().zip(.cmi5, for: try Fixtures.jurisdiction(jurisdiction), seed: CoursePackages.seed))
        let script = String(decoding: try #require(files["content.js"]), as: UTF8.self)
        let json = Data(script.dropFirst("window.CSEC_CONTENT = ".count).dropLast(2).utf8)
        #expect(try JSONSchemaCheck.errors(in: json, schema: schema) == [])
        var wrong = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        wrong["formatVersion"] = 2
        #expect(try !JSONSchemaCheck.errors(in: JSONSerialization.data(withJSONObject: wrong), schema: schema).isEmpty)
    }

    @Test(arguments: LMSPackageKind.allCases)
    func theSameCourseZipsToTheSameBytes(kind: LMSPackageKind) throws {
        let export = try CoursePackages.export()
        let marin = try Fixtures.jurisdiction("marin")
        let first = try export.zip(kind, for: marin, seed: 7)
        #expect(first == (try export.zip(kind, for: marin, seed: 7)))
        #expect(first != (try export.zip(kind, for: marin, seed: 8)))
    }

    @Test func theSCORMManifestListsEveryFileAndGivesNoMasteryScore() throws {
        let files = try CoursePackages.unzipped(
            CoursePackages.export().zip(.scorm12, for: try Fixtures.jurisdiction("marin"), seed: CoursePackages.seed))
        let manifest = String(decoding: try #require(files["imsmanifest.xml"]), as: UTF8.self)
        for name in files.keys where name != "imsmanifest.xml" {
            #expect(manifest.contains(#"<file href="\#(name)"/>"#), "\(name)")
        }
        #expect(!manifest.contains("masteryscore"))
        #expect(manifest.contains(#"adlcp:scormtype="sco" href="index.html""#))
    }

    @Test func theCMI5CourseStructureTakesThePassMarkAsItsMasteryScore() throws {
        let files = try CoursePackages.unzipped(
            CoursePackages.export().zip(.cmi5, for: try Fixtures.jurisdiction("marin"), seed: CoursePackages.seed))
        let structure = String(decoding: try #require(files["cmi5.xml"]), as: UTF8.self)
        let passMark = try Fixtures.trainingContent().policy.passMark
        #expect(structure.contains(#"masteryScore="\#(passMark)""#))
        #expect(structure.contains(#"moveOn="CompletedAndPassed""#))
        #expect(structure.contains("<url>index.html</url>"))
    }

    struct TextCase: Sendable, CustomTestStringConvertible {
        var title: String
        var escaped: String
        var testDescription: String { title }
    }

    @Test(arguments: [
        TextCase(title: "Smith & Wesson <School>", escaped: "Smith &amp; Wesson &lt;School&gt;"),
        TextCase(title: "\"Quoted\" 'county'", escaped: "&quot;Quoted&quot; &apos;county&apos;"),
        TextCase(title: "Bell\u{7} and tab\t", escaped: "Bell and tab\t"),
    ])
    func titlesAreEscapedInBothManifests(_ example: TextCase) {
        let identity = PackageIdentity(jurisdiction: "marin", seed: 1)
        let scorm = SCORMManifest(identity: identity, title: example.title, files: ["index.html"]).xml
        let cmi5 = CMI5CourseStructure(identity: identity, title: example.title, description: "d", masteryScore: 0.8).xml
        #expect(scorm.contains("<title>\(example.escaped)</title>"))
        #expect(cmi5.contains(#"<langstring lang="en-US">\#(example.escaped)</langstring>"#))
    }

    @Test(arguments: [
        (0.8, "0.8"), (0.75, "0.75"), (1.0, "1"), (0.0, "0"), (0.6666, "0.6666"), (2.0 / 3.0, "0.6667"),
        (0.99996, "1"), (0.00004, "0"), (1.5, "1"), (-0.2, "0"),
    ])
    func masteryScoresAreWrittenAsPlainDecimalsFromZeroToOne(value: Double, written: String) {
        let xml = CMI5CourseStructure(
            identity: PackageIdentity(jurisdiction: "marin", seed: 1), title: "t", description: "d", masteryScore: value
        ).xml
        #expect(xml.contains(#"masteryScore="\#(written)""#))
    }

    @Test(arguments: PlayerFiles.required.filter { $0.hasSuffix(".js") })
    func thePlayerSetsTextNeverHTML(script: String) throws {
        let source = try String(
            contentsOf: Fixtures.repositoryRoot.appending(path: "Web/player/\(script)"), encoding: .utf8)
        for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
            #expect(!source.contains(sink), "\(script) uses \(sink)")
        }
    }

    @Test func aMissingPlayerFileIsNamed() throws {
        let content = try CoursePackages.content("marin")
        #expect(throws: LMSPackageError.missingPlayerFile(path: "Web/player/index.html")) {
            try LMSPackage(kind: .scorm12, content: content, player: PlayerFiles(files: [:]))
        }
    }
}
