import Foundation

/// Finds the bundled content (the directory holding `Scoring/vocabulary.yaml`).
///
/// In order: an explicit directory (`--content`), the `CSEC_TRAINER_CONTENT` environment
/// variable, then the current directory and the executable's directory and their parents
/// (so `swift run` from the repository and `.build/debug/csec-trainer` both find it), then
/// the installed copy: `<prefix>/share/csec-trainer` beside `<prefix>/bin/csec-trainer`
/// (what `scripts/install.sh` lays out), then `csec-trainer` in `XDG_DATA_HOME`
/// (`~/.local/share`) and in each `XDG_DATA_DIRS` entry (`/usr/local/share`, `/usr/share`).
public struct ContentLocator: Sendable {
    public var environment: [String: String]
    public var currentDirectory: URL
    public var executable: URL?
    public var fileExists: @Sendable (URL) -> Bool

    public init(
        environment: [String: String], currentDirectory: URL, executable: URL?,
        fileExists: @escaping @Sendable (URL) -> Bool = { FileManager.default.fileExists(atPath: $0.path) }
    ) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.executable = executable
        self.fileExists = fileExists
    }

    /// The running process's environment, directory and executable.
    public static var process: ContentLocator {
        ContentLocator(
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory),
            executable: Bundle.main.executableURL)
    }

    public func locate(explicit: URL? = nil) throws(ContentError) -> ContentDirectory {
        if let explicit { return try require(explicit) }
        if let variable = environment["CSEC_TRAINER_CONTENT"], !variable.isEmpty {
            return try require(URL(filePath: variable, directoryHint: .isDirectory, relativeTo: currentDirectory))
        }
        var searched: [String] = []
        for start in [currentDirectory, executable?.deletingLastPathComponent()].compactMap({ $0 }) {
            for directory in start.standardizedFileURL.selfAndAncestors {
                let candidate = ContentDirectory(root: directory)
                if fileExists(candidate.vocabularyFile) { return candidate }
            }
            searched.append("\(start.standardizedFileURL.path) and its parents")
        }
        for directory in installedLocations {
            let candidate = ContentDirectory(root: directory)
            if fileExists(candidate.vocabularyFile) { return candidate }
            searched.append(directory.standardizedFileURL.path)
        }
        throw ContentError.contentNotFound(searched: searched)
    }

    /// Where an installed copy of the content lives: beside the executable, then in the user's
    /// and the system's XDG data directories (relative entries are ignored, as XDG says).
    public var installedLocations: [URL] {
        let besideExecutable = executable.map {
            $0.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
                .appending(path: "share", directoryHint: .isDirectory)
        }
        let home = environment["HOME"].map { URL(filePath: $0, directoryHint: .isDirectory).appending(path: ".local/share") }
        let userData = environment["XDG_DATA_HOME"].flatMap(Self.absoluteDirectory) ?? home
        let systemData = (environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share")
            .split(separator: ":").compactMap { Self.absoluteDirectory(String($0)) }
        return ([besideExecutable, userData].compactMap { $0 } + systemData)
            .map { $0.appending(path: "csec-trainer", directoryHint: .isDirectory) }
    }

    private static func absoluteDirectory(_ path: String) -> URL? {
        path.hasPrefix("/") ? URL(filePath: path, directoryHint: .isDirectory) : nil
    }

    private func require(_ root: URL) throws(ContentError) -> ContentDirectory {
        let candidate = ContentDirectory(root: root)
        guard fileExists(candidate.vocabularyFile) else {
            throw ContentError.contentNotFound(searched: [root.standardizedFileURL.path])
        }
        return candidate
    }
}

extension URL {
    /// This directory, its parent, and so on up to `/`.
    fileprivate var selfAndAncestors: [URL] {
        var directories = [self]
        var current = self
        while current.path != "/" {
            current = current.deletingLastPathComponent()
            directories.append(current)
        }
        return directories
    }
}
