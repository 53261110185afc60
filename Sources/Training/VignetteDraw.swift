import ScenarioEngine

/// Which vignettes an attempt draws first. The bank is shuffled by the attempt's seed as always;
/// then the vignettes to practise that the person has not seen come first, then the others not
/// seen, then those seen (to practise first), each group in the seeded order. So a retake meets
/// new cases while the bank has them, and a refresher starts with the areas the person got wrong.
public struct VignetteDraw: Sendable, Equatable {
    /// Vignettes the person has already met (in earlier attempts).
    public var seen: Set<VignetteID>
    /// Vignettes on what the person should practise.
    public var practise: Set<VignetteID>

    public init(seen: Set<VignetteID> = [], practise: Set<VignetteID> = []) {
        self.seen = seen
        self.practise = practise
    }

    /// The seeded order, unchanged.
    public static let seededOrder = VignetteDraw()

    /// `vignettes` (in the seeded order) in the order this draw takes them; the order within each
    /// group is kept.
    public func ordered(_ vignettes: [Vignette]) -> [Vignette] {
        guard !seen.isEmpty || !practise.isEmpty else { return vignettes }
        var groups: [[Vignette]] = Array(repeating: [], count: 4)
        for vignette in vignettes { groups[rank(of: vignette.id)].append(vignette) }
        return groups.flatMap { $0 }
    }

    /// 0: to practise, not seen; 1: not seen; 2: to practise, seen; 3: seen.
    private func rank(of id: VignetteID) -> Int {
        (seen.contains(id) ? 2 : 0) + (practise.contains(id) ? 0 : 1)
    }
}
