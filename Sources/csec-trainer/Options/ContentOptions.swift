import ArgumentParser
import ContentLoading
import Foundation

/// Where the content comes from.
struct ContentOptions: ParsableArguments {
    @Option(
        name: .customLong("content"),
        help: ArgumentHelp(
            "The directory that holds Scoring/ (default: CSEC_TRAINER_CONTENT, else found from the current directory or the executable, else the installed copy in share/csec-trainer).",
            valueName: "dir"))
    var contentDirectory: String?

    @Option(
        name: .customLong("protocols"),
        help: ArgumentHelp("Load protocol files from this directory instead of Scoring/protocols/.", valueName: "dir"))
    var protocolsDirectory: String?

    /// Loads the vocabulary and protocols, printing every content error and exiting on failure.
    func loadLibrary() throws -> ProtocolLibrary {
        try reportingErrors { try locate().loadLibrary(protocolsIn: protocolsDirectory.map(Self.url)) }
    }

    /// The content directory, found as `--content` or the locator says.
    func locate() throws(ContentError) -> ContentDirectory {
        try ContentLocator.process.locate(explicit: contentDirectory.map(Self.url))
    }

    /// Runs `load`, printing a content error and exiting with failure if it throws one.
    func reportingErrors<T>(_ load: () throws -> T) throws -> T {
        do {
            return try load()
        } catch let error as ContentError {
            StandardError.print(error.description + Self.flagHint(for: error))
            throw ExitCode.failure
        }
    }

    /// The flag that points at other content, for the errors it can mend.
    private static func flagHint(for error: ContentError) -> String {
        switch error {
        case .noProtocols: " (--protocols DIR)"
        case .contentNotFound: " Or pass --content DIR."
        default: ""
        }
    }

    static func url(_ path: String) -> URL {
        URL(filePath: path, directoryHint: .isDirectory)
    }
}
