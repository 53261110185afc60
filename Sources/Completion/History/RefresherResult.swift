import Foundation
import ProtocolEngine
import Records
import ScenarioEngine

/// One refresher a person took, and whether the weak area it targeted improved: the share
/// correct of its questions on the categories their passed attempt found weak, against the same
/// share in that attempt.
public struct RefresherResult: Sendable, Equatable {
    public var trainee: Trainee
    /// The passed attempt whose weak areas the refresher targeted.
    public var passedRecordID: UUID
    public var refresherRecordID: UUID
    public var takenAt: Timestamp
    /// On the weak categories, in the passed attempt.
    public var before: WeakAreaShare
    /// On the weak categories, in the refresher.
    public var after: WeakAreaShare

    /// Whether the share correct on the weak categories went up; nil when either asked none.
    public var improved: Bool? {
        guard let before = before.percent, let after = after.percent else { return nil }
        return after > before
    }

    /// Every refresher in `records` (of any people) with its result, read against `content`'s
    /// catalogs; oldest first. A refresher counts against its person's last pass before it.
    public static func all(in records: [CompletionRecord], catalogs: [JurisdictionID: OptionCatalog]) -> [RefresherResult] {
        var byPerson: [PersonKey: [CompletionRecord]] = [:]
        for record in records where record.mode.kind != .groupAttendance {
            byPerson[PersonKey(record.trainee), default: []].append(record)
        }
        var results: [RefresherResult] = []
        for theirs in byPerson.values {
            let history = TraineeHistory(records: theirs)
            for refresher in history.records where refresher.purpose == .refresher {
                let earlier = TraineeHistory(records: history.records.filter { $0.completedAt < refresher.completedAt })
                guard let passed = earlier.lastPassedAttempt,
                    let catalog = catalogs[JurisdictionID(passed.training.jurisdiction)]
                else { continue }
                let weak = WeakAreas(found: passed, catalog: catalog)
                results.append(
                    RefresherResult(
                        trainee: refresher.trainee, passedRecordID: passed.id, refresherRecordID: refresher.id,
                        takenAt: refresher.completedAt, before: weak.share(in: passed, catalog: catalog),
                        after: weak.share(in: refresher, catalog: catalog)))
            }
        }
        return results.sorted { $0.takenAt < $1.takenAt }
    }
}
