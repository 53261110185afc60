import Foundation
import TestSupport
import Testing

/// The real readers and validators the question banks are checked with, installed by
/// `scripts/setup.sh --tests` in `$XDG_CACHE_HOME/csec-trainer/validators` (default
/// `~/.cache/…`): moodle-xml-parser, pygiftparser, citolab-qti-convert and xmlschema, and
/// xmllint from libxml2-utils. Outside CI a missing one skips its tests with a message; in CI
/// (the `CI` variable set) the tests run and fail.
enum ValidatorPeers {
    static var directory: URL {
        let environment = ProcessInfo.processInfo.environment
        let cache =
            environment["XDG_CACHE_HOME"].map { URL(filePath: $0) }
            ?? URL(filePath: environment["HOME"] ?? NSTemporaryDirectory()).appending(path: ".cache")
        return cache.appending(path: "csec-trainer/validators")
    }

    static let fixtures = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")
    static let scripts = fixtures.appending(path: "Scripts")
    static let negative = fixtures.appending(path: "Negative")
    /// The unchanged QTI 2.1 XSD and its imports, each under its published address (PROVENANCE.md).
    static let qtiSchema = fixtures.appending(path: "QTI21Schema")

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    private static var environment: [String: String] {
        let existing = ProcessInfo.processInfo.environment["PYTHONPATH"]
        return ["PYTHONPATH": ([directory.path] + [existing].compactMap { $0 }).joined(separator: ":")]
    }

    static let python = Program.locate("python3") ?? URL(filePath: "/usr/bin/python3")
    static let xmllint = Program.locate("xmllint")

    /// Whether Python imports `module` from the validators' directory.
    static func hasModule(_ module: String) -> Bool {
        (try? Program.run(python, ["-c", "import \(module)"], environment: environment))?.status == 0
    }

    static let hasMoodleReader = hasModule("moodle_xml_parser.parser")
    static let hasGIFTReader = hasModule("pygiftparser.parser")
    static let hasQTIConverter = hasModule("qti_convert")
    static let hasXMLSchema = hasModule("xmlschema")

    /// Run a peer's tests when it is installed, and always in CI.
    static func runs(_ installed: Bool) -> Bool { installed || isCI }

    static func skipMessage(_ peer: String) -> Comment {
        "\(peer) is not installed in \(directory.path): its question-bank tests are skipped. Run scripts/setup.sh --tests."
    }

    /// Runs `script` (in Fixtures/Scripts) with `arguments` and decodes the JSON it prints.
    static func run<Result: Decodable>(_ script: String, _ arguments: [String], as: Result.Type) async throws -> Result {
        let result = try await Program.run(python, [scripts.appending(path: script).path] + arguments, environment: environment)
        guard result.status == 0 else { throw PeerFailure(what: script, output: result.output + result.error) }
        do {
            return try JSONDecoder().decode(Result.self, from: Data(result.output.utf8))
        } catch {
            throw PeerFailure(what: script, output: "unreadable output (\(error)): \(result.output.prefix(2000))")
        }
    }

    /// An XML catalog that maps the XSD's absolute addresses to the copies in ``qtiSchema``.
    static func catalog(in directory: URL) throws -> URL {
        let root = qtiSchema.absoluteURL.path
        let catalog = """
            <?xml version="1.0"?>
            <catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
              <rewriteURI uriStartString="http://www.imsglobal.org/" rewritePrefix="file://\(root)/www.imsglobal.org/"/>
              <rewriteURI uriStartString="http://www.w3.org/Math/" rewritePrefix="file://\(root)/www.w3.org/Math/"/>
            </catalog>

            """
        let file = directory.appending(path: "catalog.xml")
        try Data(catalog.utf8).write(to: file)
        return file
    }

    /// xmllint's verdict on each of `files` against the QTI 2.1 XSD (one run: the schema is read once).
    static func xmllintVerdicts(_ files: [URL], scratch: URL) async throws -> (valid: Set<String>, output: String) {
        guard let xmllint else { throw PeerFailure(what: "xmllint", output: "not installed (apt install libxml2-utils)") }
        let catalog = try catalog(in: scratch)
        // xmllint reports on standard error, a line per file: into one stream, which Program.run
        // reads to its end (two streams read one after the other would fill and block).
        let result = try await Program.run(
            URL(filePath: "/bin/sh"),
            [
                "-c", #"exec "$0" "$@" 2>&1"#, xmllint.path, "--nonet", "--noout", "--schema",
                "http://www.imsglobal.org/xsd/imsqti_v2p1.xsd",
            ]
                + files.map(\.path),
            environment: ["XML_CATALOG_FILES": catalog.path])
        let valid = Set(
            result.output.split(separator: "\n").compactMap { line in
                line.hasSuffix(" validates") ? String(line.dropLast(" validates".count)) : nil
            })
        return (valid, result.output)
    }
}

struct PeerFailure: Error, CustomStringConvertible {
    var what: String
    var output: String
    var description: String { "\(what) failed: \(output)" }
}
