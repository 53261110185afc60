import Foundation

/// The server's own time for the two requests of an answer, read from the request log it writes
/// (one line a request: `method=… ms=… path=… status=…`), and the statuses it answered with:
/// what the trainees waited for beyond it was the network, the queue before the server's
/// handlers, and the client.
struct WebRequestLog {
    var answerMilliseconds: [Int] = []
    var feedbackMilliseconds: [Int] = []
    var statuses: [String: Int] = [:]

    init(contentsOf log: URL) {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return }
        for line in text.split(separator: "\n") where line.hasSuffix(" request") {
            var fields: [Substring: Substring] = [:]
            for word in line.split(separator: " ") {
                guard let equals = word.firstIndex(of: "=") else { continue }
                fields[word[..<equals]] = word[word.index(after: equals)...]
            }
            guard let path = fields["path"], let method = fields["method"], let status = fields["status"],
                let milliseconds = fields["ms"].flatMap({ Int($0) })
            else { continue }
            statuses[String(status), default: 0] += 1
            if method == "POST", path == "/training/answer" { answerMilliseconds.append(milliseconds) }
            if method == "GET", path == "/training/feedback" { feedbackMilliseconds.append(milliseconds) }
        }
    }
}
