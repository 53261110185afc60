import GroupSessions
import Testing

/// The one rule for every name and employee id a participant gives (join page, offline console,
/// roster file): what is kept as typed, and what is refused and why.
struct ParticipantTextTests {
    /// The text kept (nil: no employee id), or the kind of problem.
    enum Expected: Sendable {
        case kept(String?)
        case refused(ParticipantTextProblem.Kind)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let typed: String
        let expected: Expected
        var testDescription: String { label }
    }

    static let names: [Case] = [
        .init(label: "a plain name", typed: "Ana Ruiz", expected: .kept("Ana Ruiz")),
        .init(label: "surrounding spaces trimmed", typed: "  Kim Lee \t", expected: .kept("Kim Lee")),
        .init(label: "accents and other scripts", typed: "Nguyễn Thị Minh", expected: .kept("Nguyễn Thị Minh")),
        .init(label: "Arabic, right to left", typed: "ليلى حداد", expected: .kept("ليلى حداد")),
        .init(label: "a joiner inside a name", typed: "क्‍ष Rao", expected: .kept("क्‍ष Rao")),
        .init(label: "markup is only text", typed: "<b>Ana</b>", expected: .kept("<b>Ana</b>")),
        .init(
            label: "80 characters", typed: String(repeating: "x", count: 80),
            expected: .kept(String(repeating: "x", count: 80))),
        .init(label: "empty", typed: "", expected: .refused(.empty)),
        .init(label: "only spaces", typed: "   ", expected: .refused(.empty)),
        .init(label: "only zero-width spaces", typed: "\u{200B}\u{200B}", expected: .refused(.empty)),
        .init(label: "only joiners and a BOM", typed: "\u{200D}\u{FEFF}\u{2060}", expected: .refused(.empty)),
        .init(label: "81 characters", typed: String(repeating: "x", count: 81), expected: .refused(.tooLong(limit: 80))),
        .init(label: "Escape (clears a screen)", typed: "Ana\u{1B}[2J", expected: .refused(.controlCharacter)),
        .init(label: "bell", typed: "Ana\u{7}Ruiz", expected: .refused(.controlCharacter)),
        .init(label: "line break", typed: "Ana\nRuiz", expected: .refused(.controlCharacter)),
        .init(label: "tab inside", typed: "Ana\tRuiz", expected: .refused(.controlCharacter)),
        .init(label: "DEL", typed: "Ana\u{7F}", expected: .refused(.controlCharacter)),
        .init(label: "C1 control sequence introducer", typed: "Ana\u{9B}2J", expected: .refused(.controlCharacter)),
        .init(label: "line separator", typed: "Ana\u{2028}Ruiz", expected: .refused(.controlCharacter)),
        .init(label: "right-to-left override", typed: "Ana\u{202E}ziuR", expected: .refused(.directionControl)),
        .init(label: "left-to-right embedding", typed: "\u{202A}Ana", expected: .refused(.directionControl)),
        .init(label: "pop directional formatting", typed: "Ana\u{202C}", expected: .refused(.directionControl)),
        .init(label: "first strong isolate", typed: "Ana\u{2068}Ruiz", expected: .refused(.directionControl)),
        .init(label: "pop directional isolate", typed: "Ana\u{2069}", expected: .refused(.directionControl)),
    ]

    @Test(arguments: names)
    func nameFollowsTheRule(_ test: Case) {
        switch (ParticipantText.name(test.typed), test.expected) {
        case (.success(let kept), .kept(let expected)): #expect(kept == expected)
        case (.failure(let problem), .refused(let expected)): #expect(problem == .init(field: .name, kind: expected))
        case (let result, _): Issue.record("\(result), expected \(test.expected)")
        }
    }

    static let employeeIDs: [(typed: String?, expected: Expected)] = [
        (nil, .kept(nil)),
        ("", .kept(nil)),
        ("   ", .kept(nil)),
        (" E-1042 ", .kept("E-1042")),
        (String(repeating: "9", count: 40), .kept(String(repeating: "9", count: 40))),
        (String(repeating: "9", count: 41), .refused(.tooLong(limit: 40))),
        ("\u{200B}", .refused(.empty)),
        ("\u{1B}]0;owned\u{7}", .refused(.controlCharacter)),
        ("E-1\u{1B}[2J", .refused(.controlCharacter)),
        ("E-\u{2066}1042", .refused(.directionControl)),
    ]

    @Test(arguments: employeeIDs)
    func employeeIDFollowsTheRule(_ typed: String?, _ expected: Expected) {
        switch (ParticipantText.employeeID(typed), expected) {
        case (.success(let kept), .kept(let expected)): #expect(kept == expected)
        case (.failure(let problem), .refused(let expected)): #expect(problem == .init(field: .employeeID, kind: expected))
        case (let result, _): Issue.record("\(String(describing: typed)): \(result), expected \(expected)")
        }
    }

    /// Each refusal says which field, what is wrong and what to do, and never echoes the text.
    @Test(arguments: [
        (ParticipantTextProblem(field: .name, kind: .empty), "The name is blank"),
        (
            ParticipantTextProblem(field: .employeeID, kind: .tooLong(limit: 40)),
            "The employee id is too long: it may have up to 40"
        ),
        (
            ParticipantTextProblem(field: .employeeID, kind: .controlCharacter),
            "The employee id contains a control character (such as Escape"
        ),
        (
            ParticipantTextProblem(field: .name, kind: .directionControl),
            "The name contains an invisible character that changes the direction"
        ),
    ])
    func refusalsSayWhatToDo(_ problem: ParticipantTextProblem, _ start: String) {
        #expect(problem.description.hasPrefix(start), "\(problem)")
        #expect(problem.description.contains("type it again") || problem.description.contains("up to"))
    }
}
