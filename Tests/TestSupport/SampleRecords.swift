import Foundation
import Records

/// Completion records for tests: a plausible record with the details a test cares about.
public enum SampleRecords {
    public static let pacific = -8 * 3600

    public static func record(
        id: UUID = UUID(), name: String = "Ana Ruiz", employeeID: String? = nil, email: String? = nil,
        school: String? = "Lincoln High", hireDate: CalendarDate? = nil, completed: String = "2026-09-15T10:30:00-07:00",
        percent: Int = 90, passed: Bool = true, jurisdiction: String = "marin"
    ) -> CompletionRecord {
        let completedAt = Timestamp(completed)!
        return CompletionRecord(
            id: id,
            trainee: Trainee(
                name: name, employeeID: employeeID, email: email, school: school, district: "Tamalpais Union",
                role: "teacher", hireDate: hireDate),
            training: TrainingModule(
                module: "csec-response-protocol", jurisdiction: jurisdiction, jurisdictionName: "Marin County",
                protocolVersion: "3.1.19", protocolHash: String(repeating: "a", count: 64),
                scenarioBankHash: String(repeating: "b", count: 64), seed: 7),
            mode: .selfPaced,
            startedAt: Timestamp(completedAt.date.addingTimeInterval(-900), utcOffsetSeconds: completedAt.utcOffsetSeconds),
            completedAt: completedAt, activeSeconds: 840,
            questions: [
                QuestionResult(
                    questionID: "new-phone-and-hotel-keys#1:category", kind: "category", vignette: "new-phone-and-hotel-keys",
                    stage: 1, chosenOption: "category:suspected-victim", correctOption: "category:suspected-victim", points: 1,
                    possiblePoints: 1)
            ],
            score: ScoreSummary(
                points: percent, possiblePoints: 100, percent: percent, passed: passed,
                reasons: [
                    passed ? "Score \(percent)% meets the pass mark of 80%." : "Score \(percent)% is below the pass mark of 80%."
                ],
                policyID: "default", policyVersion: 1))
    }

    /// The record of attending an offline room session: group attendance, no score; the room
    /// answered `covered` of 8 planned questions.
    public static func attendance(
        name: String = "Ana Ruiz", employeeID: String? = nil, completed: String = "2026-09-15T10:30:00-07:00",
        covered: Int = 8
    ) -> CompletionRecord {
        let scored = record(name: name, employeeID: employeeID, completed: completed)
        return CompletionRecord(
            id: scored.id, trainee: scored.trainee, training: scored.training,
            mode: .groupAttendance(id: "session-2026-09-15-1", facilitator: "Dana Whitfield"), startedAt: scored.startedAt,
            completedAt: scored.completedAt, activeSeconds: scored.activeSeconds, questions: scored.questions, score: nil,
            attendance: AttendanceSummary(questionsCovered: covered, questionsPlanned: 8))
    }
}
