import Briefing
import Foundation
import SessionServer

/// Pieces of HTML the pages are built from: every text from content, the roster or a request
/// goes through ``text(_:)`` before it is written into a page.
enum HTML {
    /// `text` with the characters HTML gives meaning to written as entities.
    static func text(_ text: String) -> String { ContentNote.escaped(text) }

    /// The hidden field that carries the session's (or the sign-in form's) CSRF token.
    static func csrfField(_ token: String) -> String {
        #"<input type="hidden" name="\#(CSRFMiddleware.fieldName)" value="\#(text(token))">"#
    }

    /// Paragraphs of authored text (blank lines between them), each on one line.
    static func paragraphs(_ authored: String) -> String {
        authored.components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .map { "<p>\(text($0))</p>" }
            .joined(separator: "\n")
    }
}
