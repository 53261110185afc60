import Foundation

/// axe-core, the accessibility checker, as the PyPI package `axe-selenium-python` ships it
/// (`axe_selenium_python/node_modules/axe-core/axe.min.js`), run in a page over DevTools.
public enum AxeCore {
    /// Where `scripts/setup.sh --tests` puts the package when the system's Python may not
    /// install it (PEP 668): `$XDG_CACHE_HOME/csec-trainer/python` (default `~/.cache/…`).
    public static var packageDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        let cache =
            environment["XDG_CACHE_HOME"].map { URL(filePath: $0) }
            ?? URL(filePath: environment["HOME"] ?? NSTemporaryDirectory()).appending(path: ".cache")
        return cache.appending(path: "csec-trainer/python")
    }

    /// `axe.min.js`: `AXE_CORE_JS` if set, else where Python finds the package (python3, then
    /// Debian's /usr/bin/python3, each also looking in ``packageDirectory``); nil when neither has it.
    public static var script: URL? {
        if let path = ProcessInfo.processInfo.environment["AXE_CORE_JS"] { return URL(filePath: path) }
        let program =
            "import os, axe_selenium_python as axe; "
            + "print(os.path.join(os.path.dirname(axe.__file__), 'node_modules', 'axe-core', 'axe.min.js'))"
        for python in ["/usr/bin/env", "/usr/bin/python3"] {
            let process = Process()
            process.executableURL = URL(filePath: python)
            process.arguments = (python == "/usr/bin/env" ? ["python3"] : []) + ["-c", program]
            var environment = ProcessInfo.processInfo.environment
            environment["PYTHONPATH"] = ([packageDirectory.path] + [environment["PYTHONPATH"]].compactMap { $0 })
                .joined(separator: ":")
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if process.terminationStatus == 0, FileManager.default.fileExists(atPath: path) { return URL(filePath: path) }
        }
        return nil
    }

    /// The violations of impact "serious" or "critical" in `page` as it is now, one line each
    /// (rule, impact, the elements and axe's summary); empty when there are none.
    public static func seriousViolations(on page: BrowserPage) async throws -> [String] {
        guard let script else { throw AxeCoreError.notInstalled }
        let source = try String(contentsOf: script, encoding: .utf8)
        if try await page.evaluate("typeof window.axe === 'object'").bool != true {
            _ = try await page.evaluate(source + "\n;true")
        }
        let found = try await page.evaluate(
            """
            axe.run(document, { resultTypes: ["violations"] }).then((results) => results.violations
              .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
              .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}: `
                + violation.nodes.map((node) => node.target.join(" ") + " — " + node.failureSummary).join("; ")))
            """)
        return found.array?.compactMap(\.string) ?? []
    }
}

public enum AxeCoreError: Error, CustomStringConvertible {
    case notInstalled

    public var description: String {
        "axe-core is not installed: pip install axe-selenium-python (scripts/setup.sh --tests), or set AXE_CORE_JS to axe.min.js"
    }
}
