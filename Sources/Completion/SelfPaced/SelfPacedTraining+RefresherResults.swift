import ContentLoading
import ProtocolEngine
import Records
import ScenarioEngine
import Storage

extension SelfPacedTraining {
    /// Every refresher stored, with whether its weak area improved (``RefresherResult``), read
    /// against this training's content; records that do not verify are left out. Only the records
    /// of people who took a refresher are read whole: the summaries say who they are.
    public func refresherResults() async throws(StorageError) -> [RefresherResult] {
        let summaries = try await records.summaries().summaries
        let people = Set(
            summaries.filter { if case .practice(.refresher, _) = $0.outcome { true } else { false } }
                .map { PersonKey($0.trainee) })
        var theirs: [CompletionRecord] = []
        for summary in summaries where people.contains(PersonKey(summary.trainee)) {
            theirs.append(try await records.find(summary.id).record)
        }
        let catalogs = Dictionary(
            uniqueKeysWithValues: content.library.protocols.map {
                ($0.id, OptionCatalog(jurisdiction: $0, mistakes: content.mistakes))
            })
        return RefresherResult.all(in: theirs, catalogs: catalogs)
    }
}
