/// Pages that say why a request was refused and what to do.
enum ErrorPages {
    static func foreignOrigin() -> Page {
        Page(
            title: "Request refused",
            main: """
                <h1>This request was refused</h1>
                <p class="alert" role="alert">The form was not sent from this training site's own pages, so nothing \
                was changed. This protects your training record from other web sites.</p>
                <p>If you used a bookmark or another site to send it, open <a href="/">the training site</a> and \
                try again from there.</p>
                """)
    }

    static func missingFormToken() -> Page {
        Page(
            title: "Request refused",
            main: """
                <h1>This form has expired</h1>
                <p class="alert" role="alert">The form did not carry this sign-in's security code, so nothing was \
                changed. This happens when a page was left open from an earlier sign-in.</p>
                <p>Open <a href="/">the training site</a> again and repeat the last step. Your saved answers are kept.</p>
                """)
    }

    static func formTooLarge() -> Page {
        Page(
            title: "Request refused",
            main: """
                <h1>This form is too large</h1>
                <p class="alert" role="alert">The training pages never send this much; nothing was changed.</p>
                <p><a href="/">Back to the training site</a></p>
                """)
    }

    static func unavailable(_ reason: String) -> Page {
        Page(
            title: "Not available",
            main: """
                <h1>The training site cannot do this right now</h1>
                <p class="alert" role="alert">\(HTML.text(reason))</p>
                <p>Nothing you saw judged is lost. Try again in a moment; if it keeps happening, tell your \
                training office.</p>
                <p><a href="/">Back to the training site</a></p>
                """)
    }

    static func notFound() -> Page {
        Page(
            title: "Not found",
            main: """
                <h1>There is no such page</h1>
                <p><a href="/">Back to the training site</a></p>
                """)
    }

    static func signInRefused(_ reason: String) -> Page {
        Page(
            title: "Sign-in refused",
            main: """
                <h1>You are not signed in</h1>
                <p class="alert" role="alert">\(HTML.text(reason))</p>
                <p><a href="/">Back to the training site</a></p>
                """)
    }
}
