/// Who achieved what: the credential subject, an Open Badges 3.0 `AchievementSubject`.
public struct OpenBadgeAchievementSubject: Sendable, Codable, Equatable {
    /// ["AchievementSubject"].
    public var type: [String]
    /// The recipient, named without an id (the trainee has no DID): see ``OpenBadgeIdentityObject``.
    public var identifier: [OpenBadgeIdentityObject]
    /// The course completed.
    public var achievement: OpenBadgeAchievement

    public init(
        type: [String] = ["AchievementSubject"], identifier: [OpenBadgeIdentityObject], achievement: OpenBadgeAchievement
    ) {
        self.type = type
        self.identifier = identifier
        self.achievement = achievement
    }
}
