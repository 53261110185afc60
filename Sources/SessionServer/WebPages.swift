import Briefing
import Foundation

/// The pages the server serves (plain HTML, CSS and JavaScript, no build step), read once from
/// the content's `Web/` directory.
public struct WebPages: Sendable {
    public struct Page: Sendable {
        public var bytes: Data
        public var contentType: String
    }

    /// Served name → file: only these, never a path from the request.
    static let files: [String: (file: String, type: String)] = [
        "/": ("participant.html", "text/html; charset=utf-8"),
        "/present": ("present.html", "text/html; charset=utf-8"),
        "/assets/participant.js": ("participant.js", "text/javascript; charset=utf-8"),
        "/assets/present.js": ("present.js", "text/javascript; charset=utf-8"),
        "/assets/session.css": ("session.css", "text/css; charset=utf-8"),
    ]

    public let pages: [String: Page]

    /// Reads every page from `directory`; a missing one is an error naming it. With a
    /// `contentNote`, the participant page shows it on its join screen.
    public init(directory: URL, contentNote: ContentNote? = nil) throws(WebPagesError) {
        var pages: [String: Page] = [:]
        for (path, source) in Self.files {
            let file = directory.appending(path: source.file)
            guard var bytes = FileManager.default.contents(atPath: file.path) else { throw .missing(file.path) }
            if path == "/", let contentNote {
                bytes = Data(String(decoding: bytes, as: UTF8.self).replacing(ContentNote.marker, with: contentNote.html).utf8)
            }
            pages[path] = Page(bytes: bytes, contentType: source.type)
        }
        self.pages = pages
    }
}

public enum WebPagesError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): error: a page of the session server is missing; reinstall the content (Web/)."
        }
    }
}
