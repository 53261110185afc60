/// The known word closest to a misspelt one, if any is close enough to be a likely typo.
func closestMatch(to word: String, among known: [String]) -> String? {
    let length = word.count
    let closeEnough = max(2, length / 4)
    guard !known.isEmpty else { return nil }
    // Two words whose lengths differ by more than `closeEnough` are further apart than that:
    // only the others are worth the distance, which costs the product of the two lengths.
    let scored = known.filter { abs($0.count - length) <= closeEnough }.map { ($0, editDistance(word, $0)) }
    if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= closeEnough { return best.0 }
    return known.first { $0.hasPrefix(word) || word.hasPrefix($0) }
}

/// Levenshtein distance between two short identifiers.
private func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
}
