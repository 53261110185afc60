import Accounts
import Foundation
import Records

/// The outcome of a finished attempt, with its signed record and, when it completes the
/// training, the certificate and the Open Badges credential to download.
enum ResultPage {
    static func page(_ record: CompletionRecord, verificationCode: String, session: WebSession) -> Page {
        let id = record.id.uuidString.lowercased()
        let passed = record.outcome.completesTraining
        let practice = record.purpose.flatMap(Practice.init)
        let heading =
            practice.map { #"<h1>\#($0.heading)</h1>"# }
            ?? (passed ? #"<h1 class="good">You passed</h1>"# : #"<h1 class="bad">Not passed this time</h1>"#)
        // Practice is not judged against the pass mark, so the policy's reasons are not shown.
        let reasons =
            practice != nil
            ? "" : (record.score?.reasons ?? []).map { "<li>\(HTML.text($0))</li>" }.joined(separator: "\n")
        let judged =
            passed
            ? """
            <h2>Your certificate</h2>
            <div class="actions">
            <a class="button" href="/records/\(id)/certificate.pdf" download>Download the certificate (PDF)</a>
            <a class="button secondary" href="/records/\(id)/credential.jwt" download>Download the Open Badges credential</a>
            </div>
            """
            : """
            <p>Certificates are for passing attempts. You can start a new attempt when you are ready.</p>
            <div class="actions"><a class="button" href="/training">Back to the training</a></div>
            """
        let next = practice?.next ?? judged
        return Page(
            title: "Your result",
            main: """
                <div role="status">
                \(heading)
                <p>\(HTML.text(record.resultDescription))</p>
                </div>
                \(reasons.isEmpty ? "" : "<ul>\n\(reasons)\n</ul>")
                <h2>Your completion record</h2>
                <dl class="facts">
                <dt>Record</dt><dd>\(id)</dd>
                <dt>Verification code</dt><dd>\(HTML.text(verificationCode))</dd>
                <dt>Training</dt><dd>\(HTML.text(record.mode.description))</dd>
                </dl>
                <p>The record is signed and kept by your district. \
                <a href="/records/\(id)/record.json" download>Download the signed record</a> (a file that \
                <code>csec-trainer records verify</code> checks).</p>
                \(next)
                """, session: session)
    }
}

/// What the result page says of practice: a pre-test or a refresher is neither passed nor failed,
/// completes nothing, and leads back to the training.
private struct Practice {
    let heading: String
    let next: String

    init?(_ purpose: AttemptPurpose) {
        switch purpose {
        case .training: return nil
        case .preTest:
            heading = "Pre-test done"
            next = """
                <p>A pre-test is not passed or failed, and it does not count as completing the training: it \
                shows what you knew before, to compare with your training's result. The training follows, on \
                cases this pre-test did not use.</p>
                <div class="actions"><a class="button" href="/training">Go on to the training</a></div>
                """
        case .refresher:
            heading = "Refresher done"
            next = """
                <p>A refresher is practice: it is not passed or failed, and your training stays as it was. \
                Your training office sees whether the areas it went over improved.</p>
                <div class="actions"><a class="button" href="/training">Back to the training</a></div>
                """
        }
    }
}
