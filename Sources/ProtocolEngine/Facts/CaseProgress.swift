/// What has already been done in the case: the emergency call and completed steps.
public struct CaseProgress: Sendable, Codable, Equatable, Hashable {
    /// Numbers of the category's steps already done (or their alternative actions).
    public var completedSteps: Set<Int>
    /// The emergency rule has been followed (911 was called).
    public var emergencyHandled: Bool

    public init(completedSteps: Set<Int> = [], emergencyHandled: Bool = false) {
        self.completedSteps = completedSteps
        self.emergencyHandled = emergencyHandled
    }

    /// Nothing done yet.
    public static let start = CaseProgress()
}
