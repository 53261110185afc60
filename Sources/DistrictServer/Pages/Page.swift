import Accounts

/// One page of the server: its title, its main content, and who is signed in (for the header's
/// sign-out button, which carries the session's CSRF token).
struct Page: Sendable {
    var title: String
    /// The HTML of `<main>`, its texts already escaped.
    var main: String
    var session: WebSession?

    init(title: String, main: String, session: WebSession? = nil) {
        self.title = title
        self.main = main
        self.session = session
    }

    /// The whole document: a skip link, the header, the main content. No script: every page
    /// works as plain HTML forms.
    var html: String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.text(title)) · CSEC response training</title>
        <link rel="stylesheet" href="\(StyleSheet.path)">
        </head>
        <body>
        <a class="skip" href="#main">Skip to the main content</a>
        <header>
        <p class="site">CSEC response training</p>
        \(signedInLine)
        </header>
        <main id="main" tabindex="-1">
        \(main)
        </main>
        </body>
        </html>

        """
    }

    private var signedInLine: String {
        guard let session else { return "" }
        return """
            <form class="signed-in" method="post" action="/sign-out">
            <p>Signed in as \(HTML.text(session.person.displayName))</p>
            \(HTML.csrfField(session.csrfToken))
            <button type="submit" class="secondary">Sign out</button>
            </form>
            """
    }
}
