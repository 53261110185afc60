import Accounts

/// The pages before and around sign-in.
enum SignInPages {
    /// The front page for a visitor who is not signed in: how staff and administrators sign in.
    static func welcome(methods: SignInMethods) -> Page {
        var ways = [
            "<li>Staff: open the personal sign-in link your training office sent you (by e-mail, or as a QR code on "
                + "paper). Each link works once; ask for a new one if yours has been used or has expired.</li>"
        ]
        if let provider = methods.openID {
            ways.append(
                #"<li>Staff with a district account: <a href="\#(HTML.text(provider.startPath))">sign in with "#
                    + "\(HTML.text(provider.displayName))</a>.</li>")
        }
        ways.append(#"<li>Administrators: <a href="/admin/sign-in">sign in with your password</a>.</li>"#)
        return Page(
            title: "Sign in",
            main: """
                <h1>CSEC response training</h1>
                <p>Self-paced training for school staff on your county's protocol for responding to the commercial \
                sexual exploitation of children. There is no time limit: your answers are saved as you go, and you \
                can stop and continue later on any device.</p>
                <h2>How to sign in</h2>
                <ul>
                \(ways.joined(separator: "\n"))
                </ul>
                """)
    }

    /// The administrators' sign-in form, with why the last try failed.
    static func administratorForm(csrfToken: String, problem: String? = nil, name: String = "") -> Page {
        let alert = problem.map { #"<p class="alert" role="alert" id="problem">\#(HTML.text($0))</p>"# } ?? ""
        let described = problem == nil ? "" : #" aria-describedby="problem""#
        return Page(
            title: "Administrator sign-in",
            main: """
                <h1>Administrator sign-in</h1>
                \(alert)
                <form method="post" action="/admin/sign-in">
                \(HTML.csrfField(csrfToken))
                <div class="field"><label for="name">Name</label>
                <input type="text" id="name" name="name" autocomplete="username" required value="\(HTML.text(name))"\(described)></div>
                <div class="field"><label for="password">Password</label>
                <input type="password" id="password" name="password" autocomplete="current-password" required\(described)></div>
                <div class="actions"><button type="submit">Sign in</button></div>
                </form>
                """)
    }
}
