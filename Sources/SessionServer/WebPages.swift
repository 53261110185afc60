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

    public internal(set) var pages: [String: Page]

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

    /// Where the projector view takes the join address.
    static let joinAddressMarker = "<!-- join-address -->"

    /// The address of the participant page's QR code.
    public static let joinQRCodePath = "/join-qr.svg"

    /// These pages with the address the room joins at (the participant page as the devices in
    /// the room reach it, e.g. `http://192.168.1.20:8080/`) on the projector view, written out
    /// and as a QR code (served at ``joinQRCodePath``).
    public func joining(at address: String) -> WebPages {
        var joining = self
        let escaped = ContentNote.escaped(address)
        var html = #"<p class="join-address">Open <strong id="address">\#(escaped)</strong></p>"#
        if let code = JoinQRCode(address) {
            html += #"\#n    <img class="qr" id="qr" src="\#(Self.joinQRCodePath)" alt="QR code of \#(escaped)">"#
            joining.pages[Self.joinQRCodePath] = Page(bytes: Data(code.svg.utf8), contentType: "image/svg+xml")
        }
        if let present = pages["/present"] {
            let text = String(decoding: present.bytes, as: UTF8.self).replacing(Self.joinAddressMarker, with: html)
            joining.pages["/present"] = Page(bytes: Data(text.utf8), contentType: present.contentType)
        }
        return joining
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
