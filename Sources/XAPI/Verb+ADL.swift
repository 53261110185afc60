extension Verb {
    /// The ADL verbs cmi5 uses (cmi5 §9.3), plain xAPI outside an LMS launch, and `answered`
    /// and `attended` from the ADL vocabulary.
    public static let initialized = adl("initialized")
    public static let answered = adl("answered")
    public static let passed = adl("passed")
    public static let failed = adl("failed")
    public static let completed = adl("completed")
    public static let terminated = adl("terminated")
    public static let attended = adl("attended")

    private static func adl(_ name: String) -> Verb {
        Verb(id: "http://adlnet.gov/expapi/verbs/\(name)", display: ["en-US": name])
    }
}

extension ActivityDefinition {
    /// ADL activity types.
    public enum ActivityType {
        public static let course = "http://adlnet.gov/expapi/activities/course"
        public static let assessment = "http://adlnet.gov/expapi/activities/assessment"
        public static let meeting = "http://adlnet.gov/expapi/activities/meeting"
        public static let interaction = "http://adlnet.gov/expapi/activities/cmi.interaction"
    }
}
