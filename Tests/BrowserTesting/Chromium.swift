import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A headless Chromium of its own (fresh temporary profile, DevTools on a free port), driven over
/// the DevTools protocol. ``run(_:)`` always quits it and removes its profile, also on failure.
public final class Chromium: Sendable {
    /// The browser: `CHROMIUM` if set, else `chromium` on the PATH (Debian's package); nil when
    /// neither is an executable file.
    public static var executable: URL? {
        let environment = ProcessInfo.processInfo.environment
        let candidates =
            if let path = environment["CHROMIUM"] {
                [path]
            } else {
                (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/chromium" }
            }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(filePath: $0) }
    }

    public let devTools: DevToolsConnection
    private let process: Process
    private let directory: URL

    private init(process: Process, directory: URL, devTools: DevToolsConnection) {
        self.process = process
        self.directory = directory
        self.devTools = devTools
    }

    /// Launches Chromium, runs `body` with it, then quits it and removes its profile, whatever
    /// `body` does.
    public static func run<Result: Sendable>(_ body: (Chromium) async throws -> Result) async throws -> Result {
        let browser = try await LaunchGate.shared.inTurn { try await launch() }
        do {
            let result = try await body(browser)
            await browser.quit()
            return result
        } catch {
            await browser.quit()
            throw error
        }
    }

    /// A new tab in a browser context of its own (cookies and storage not shared: another
    /// device), `width` CSS pixels wide, showing `url` once loaded.
    public func open(_ url: String, width: Int = 420, height: Int = 860) async throws -> BrowserPage {
        let context = try await devTools.send("Target.createBrowserContext")["browserContextId"]
        let target = try await devTools.send(
            "Target.createTarget", ["url": "about:blank", "browserContextId": context])["targetId"]
        let attached = try await devTools.send("Target.attachToTarget", ["targetId": target, "flatten": true])
        guard let sessionID = attached["sessionId"].string else {
            throw DevToolsError.failed("Target.attachToTarget", message: "no sessionId")
        }
        let page = BrowserPage(devTools: devTools, sessionID: sessionID)
        for domain in ["Page", "Runtime", "Log"] { try await page.send("\(domain).enable") }
        try await page.send(
            "Emulation.setDeviceMetricsOverride",
            ["width": .number(Double(width)), "height": .number(Double(height)), "deviceScaleFactor": 1, "mobile": false])
        try await page.navigate(to: url)
        return page
    }

    // MARK: Starting and stopping

    private static func launch() async throws -> Chromium {
        guard let executable else { throw ChromiumError.notInstalled }
        let directory = FileManager.default.temporaryDirectory.appending(path: "csec-chromium-\(UUID().uuidString)")
        let profile = directory.appending(path: "profile")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        let log = directory.appending(path: "chromium.log")
        try Data().write(to: log)

        let process = Process()
        process.executableURL = executable
        process.arguments =
            [
                "--headless=new", "--remote-debugging-port=0", "--user-data-dir=\(profile.path)", "--no-first-run",
                "--no-default-browser-check", "--disable-gpu",
                // The WebSocket client sends `Origin: ws://127.0.0.1`, which DevTools refuses unless allowed.
                "--remote-allow-origins=ws://127.0.0.1",
            ]
            // Chromium's sandbox refuses to run as root (CI runs as root); elsewhere it stays on.
            + (getuid() == 0 ? ["--no-sandbox"] : []) + ["about:blank"]
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        try? output.close()

        do {
            let endpoint = try await devToolsEndpoint(profile: profile, process: process, log: log)
            return Chromium(process: process, directory: directory, devTools: DevToolsConnection(url: endpoint))
        } catch {
            if process.isRunning { kill(process.processIdentifier, SIGTERM) }
            await stop(process, directory: directory)
            throw error
        }
    }

    /// `ws://127.0.0.1:PORT/devtools/browser/…`, from the `DevToolsActivePort` file Chromium
    /// writes into its profile once it listens (port on the first line, path on the second).
    private static func devToolsEndpoint(profile: URL, process: Process, log: URL) async throws -> String {
        let file = profile.appending(path: "DevToolsActivePort")
        var lines: [Substring] = []
        try await Waiting.until("Chromium to write \(file.path)", timeout: .seconds(30)) {
            guard process.isRunning else { throw ChromiumError.exited(process.terminationStatus, log: Self.tail(of: log)) }
            lines = ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n")
            return lines.count >= 2
        }
        return "ws://127.0.0.1:\(lines[0])\(lines[1])"
    }

    /// Quits the browser (`Browser.close`; SIGTERM, then SIGKILL, if it lingers) and removes its
    /// temporary directory.
    private func quit() async {
        _ = try? await devTools.send("Browser.close", timeout: .seconds(5))
        await devTools.close()
        await Self.stop(process, directory: directory)
    }

    private static func stop(_ process: Process, directory: URL) async {
        for signal in [SIGTERM, SIGKILL] {
            if await exited(process, within: .seconds(5)) { break }
            kill(process.processIdentifier, signal)
        }
        _ = await exited(process, within: .seconds(5))
        try? FileManager.default.removeItem(at: directory)
    }

    private static func exited(_ process: Process, within timeout: Duration) async -> Bool {
        (try? await Waiting.until("Chromium to exit", timeout: timeout) { !process.isRunning }) != nil
    }

    private static func tail(of log: URL) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }
}

public enum ChromiumError: Error, CustomStringConvertible {
    case notInstalled
    case exited(Int32, log: String)

    public var description: String {
        switch self {
        case .notInstalled:
            "Chromium is not installed: install Debian's chromium (apt-get install chromium, or scripts/setup.sh --tests), "
                + "or set CHROMIUM to a Chromium executable"
        case .exited(let status, let log): "Chromium exited with status \(status) before it listened:\n\(log)"
        }
    }
}
