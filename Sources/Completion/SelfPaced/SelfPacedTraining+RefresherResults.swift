import ContentLoading
import ProtocolEngine
import Records
import ScenarioEngine
import Storage

extension SelfPacedTraining {
    /// Every refresher stored, with whether its weak area improved (``RefresherResult``), read
    /// against this training's content; records that do not verify are left out.
    public func refresherResults() async throws(StorageError) -> [RefresherResult] {
        var records: [CompletionRecord] = []
        _ = try await self.records.forEachRecord { verified in records.append(verified.record) }
        let catalogs = Dictionary(
            uniqueKeysWithValues: content.library.protocols.map {
                ($0.id, OptionCatalog(jurisdiction: $0, mistakes: content.mistakes))
            })
        return RefresherResult.all(in: records, catalogs: catalogs)
    }
}
