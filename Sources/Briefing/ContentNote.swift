/// What every session says first: the training discusses abuse and exploitation, and where to
/// get support. One value for the terminal, the facilitator's console and the join page, so
/// the wording lives in this one place.
public struct ContentNote: Sendable, Equatable {
    public var heading: String
    public var text: String
    /// National lines, then the district's employee assistance program when the site file gives one.
    public var supportLines: [SupportLine]

    public init(heading: String, text: String, supportLines: [SupportLine]) {
        self.heading = heading
        self.text = text
        self.supportLines = supportLines
    }

    /// The note, with the district's employee assistance program when the site configures one.
    public init(employeeAssistance: SupportLine?) {
        self.init(
            heading: "Before you begin",
            text: "This training talks about the abuse and sexual exploitation of children. Some of it may be hard "
                + "to read, or may bring up your own experiences. Take a break whenever you need one. "
                + "Support is available, for you or for someone you know:",
            supportLines: Self.nationalLines + (employeeAssistance.map { [$0] } ?? []))
    }

    /// The national lines every note gives.
    public static let nationalLines = [
        SupportLine(name: "National Human Trafficking Hotline", reach: "1-888-373-7888"),
        SupportLine(name: "988 Suicide & Crisis Lifeline", reach: "call or text 988"),
    ]
}
