import Briefing
import Foundation

extension WebPages {
    /// These pages as a server that signs people in serves them under `prefix` (`/group`): their
    /// styles, scripts and QR code at `prefix/assets/…` and `prefix/join-qr.svg`, and their socket
    /// at `prefix/ws` (on `<html data-socket>`, which the scripts read). Apply it after
    /// ``joining(at:)``.
    public func mounted(at prefix: String) -> WebPages {
        var mounted = self
        mounted.pages = [:]
        for (path, page) in pages {
            guard page.contentType.hasPrefix("text/html") else {
                mounted.pages[prefix + path] = page
                continue
            }
            let html = String(decoding: page.bytes, as: UTF8.self)
                .replacing(#"href="/assets/"#, with: #"href="\#(prefix)/assets/"#)
                .replacing(#"src="/assets/"#, with: #"src="\#(prefix)/assets/"#)
                .replacing(#"src="\#(Self.joinQRCodePath)""#, with: #"src="\#(prefix)\#(Self.joinQRCodePath)""#)
                .replacing(#"<html lang="en">"#, with: #"<html lang="en" data-socket="\#(prefix)/ws">"#)
            mounted.pages[prefix + (path == "/" ? "" : path)] = Page(bytes: Data(html.utf8), contentType: page.contentType)
        }
        return mounted
    }

    /// The participant page (at `path`, a page of ``mounted(at:)``) for `name`, who is signed in:
    /// instead of the fields for a name and an employee id, who joins (the server joins them as
    /// that person whatever the page sends), and, with `record`, where the page links at the end
    /// for their completion record. Nil when there is no page at `path`.
    public func participantPage(at path: String, signedInAs name: String, employeeID: String?, record: String?) -> Page? {
        guard let page = pages[path] else { return nil }
        var html = String(decoding: page.bytes, as: UTF8.self)
        if let start = html.range(of: Self.typedNameStart), let end = html.range(of: Self.typedNameEnd),
            start.upperBound <= end.lowerBound
        {
            let who =
                employeeID.map { "\(ContentNote.escaped(name)) (employee id \(ContentNote.escaped($0)))" }
                ?? ContentNote.escaped(name)
            html.replaceSubrange(
                start.lowerBound..<end.upperBound,
                with: #"<p id="joining-as">You join as <strong>\#(who)</strong>, as you are signed in.</p>"#)
        }
        if let record {
            html = html.replacing(#"<html lang="en""#, with: #"<html lang="en" data-record="\#(ContentNote.escaped(record))""#)
        }
        return Page(bytes: Data(html.utf8), contentType: page.contentType)
    }

    /// Around the participant page's fields for a typed name and employee id.
    static let typedNameStart = "<!-- typed-name -->"
    static let typedNameEnd = "<!-- /typed-name -->"
}
