import Foundation

/// An xAPI 1.0.3 statement (xAPI-Data §2.2): who (``actor``) did what (``verb``) to what
/// (``object``), with the outcome (``result``) and the circumstances (``context``). Only what
/// csec-trainer writes is modelled; every statement carries its id, timestamp and version, so
/// that an LRS adds nothing but `stored` and `authority`.
public struct Statement: Sendable, Codable, Equatable {
    /// A name-based (version 5) UUID, lowercase: ``StatementID``.
    public var id: String
    public var actor: Agent
    public var verb: Verb
    public var object: Activity
    public var result: StatementResult?
    public var context: StatementContext?
    /// UTC with milliseconds: ``XAPITimestamp``.
    public var timestamp: String
    public var version: String

    public init(
        id: String, actor: Agent, verb: Verb, object: Activity, result: StatementResult? = nil, context: StatementContext? = nil,
        timestamp: String, version: String = Statement.version
    ) {
        self.id = id
        self.actor = actor
        self.verb = verb
        self.object = object
        self.result = result
        self.context = context
        self.timestamp = timestamp
        self.version = version
    }

    /// The xAPI version written: 1.0.3.
    public static let version = "1.0.3"
}

/// A language map (`{"en-US": "…"}`).
public typealias LanguageMap = [String: String]

/// The person, identified by exactly one inverse functional identifier: an ``Account`` or an
/// `mbox` (xAPI-Data §2.4.2.1, §2.4.2.3). ``ActorPolicy`` chooses which.
public struct Agent: Sendable, Codable, Equatable {
    public var objectType = "Agent"
    public var name: String?
    /// `mailto:` followed by the address.
    public var mbox: String?
    /// The SHA-1 of the `mbox` value, in hex: the address without writing it.
    public var mboxSHA1Sum: String?
    public var account: Account?

    public init(name: String? = nil, mbox: String? = nil, mboxSHA1Sum: String? = nil, account: Account? = nil) {
        self.name = name
        self.mbox = mbox
        self.mboxSHA1Sum = mboxSHA1Sum
        self.account = account
    }

    enum CodingKeys: String, CodingKey {
        case objectType, name, mbox, account
        case mboxSHA1Sum = "mbox_sha1sum"
    }
}

/// An account on a system (xAPI-Data §2.4.2.4): the system's home page and the person's id there.
public struct Account: Sendable, Codable, Equatable {
    public var homePage: String
    public var name: String

    public init(homePage: String, name: String) {
        self.homePage = homePage
        self.name = name
    }
}

public struct Verb: Sendable, Codable, Equatable {
    public var id: String
    public var display: LanguageMap

    public init(id: String, display: LanguageMap) {
        self.id = id
        self.display = display
    }
}

/// An activity (xAPI-Data §2.4.4.1), the only kind of object csec-trainer writes.
public struct Activity: Sendable, Codable, Equatable {
    public var objectType = "Activity"
    public var id: String
    public var definition: ActivityDefinition?

    public init(id: String, definition: ActivityDefinition? = nil) {
        self.id = id
        self.definition = definition
    }
}

/// What an activity is; for a question, a `choice` interaction with its choices and the correct one.
public struct ActivityDefinition: Sendable, Codable, Equatable {
    public var type: String?
    public var name: LanguageMap?
    public var description: LanguageMap?
    public var interactionType: String?
    public var correctResponsesPattern: [String]?
    public var choices: [InteractionComponent]?

    public init(
        type: String? = nil, name: LanguageMap? = nil, description: LanguageMap? = nil, interactionType: String? = nil,
        correctResponsesPattern: [String]? = nil, choices: [InteractionComponent]? = nil
    ) {
        self.type = type
        self.name = name
        self.description = description
        self.interactionType = interactionType
        self.correctResponsesPattern = correctResponsesPattern
        self.choices = choices
    }
}

/// One choice of an interaction: its id (an option id, no whitespace) and its text.
public struct InteractionComponent: Sendable, Codable, Equatable {
    public var id: String
    public var description: LanguageMap

    public init(id: String, description: LanguageMap) {
        self.id = id
        self.description = description
    }
}

public struct StatementResult: Sendable, Codable, Equatable {
    public var score: Score?
    public var success: Bool?
    public var completion: Bool?
    public var response: String?
    /// ISO 8601 duration: ``ISO8601Duration``.
    public var duration: String?
    public var extensions: [String: JSONValue]?

    public init(
        score: Score? = nil, success: Bool? = nil, completion: Bool? = nil, response: String? = nil,
        duration: String? = nil, extensions: [String: JSONValue]? = nil
    ) {
        self.score = score
        self.success = success
        self.completion = completion
        self.response = response
        self.duration = duration
        self.extensions = extensions
    }
}

/// Points out of the possible points; `scaled` is raw / max, 0…1, to four decimals.
public struct Score: Sendable, Codable, Equatable {
    public var scaled: Double
    public var raw: Int
    public var min: Int
    public var max: Int

    public init(points: Int, possiblePoints: Int) {
        raw = points
        min = 0
        max = possiblePoints
        scaled = possiblePoints > 0 ? Double(points * 10_000 / possiblePoints) / 10_000 : 0
    }
}

public struct StatementContext: Sendable, Codable, Equatable {
    /// The record's id: every statement of one attempt shares it.
    public var registration: String?
    public var contextActivities: ContextActivities?
    public var platform: String?
    public var language: String?
    public var extensions: [String: JSONValue]?

    public init(
        registration: String? = nil, contextActivities: ContextActivities? = nil, platform: String? = nil,
        language: String? = nil, extensions: [String: JSONValue]? = nil
    ) {
        self.registration = registration
        self.contextActivities = contextActivities
        self.platform = platform
        self.language = language
        self.extensions = extensions
    }
}

public struct ContextActivities: Sendable, Codable, Equatable {
    public var parent: [Activity]?
    public var grouping: [Activity]?

    public init(parent: [Activity]? = nil, grouping: [Activity]? = nil) {
        self.parent = parent
        self.grouping = grouping
    }
}
