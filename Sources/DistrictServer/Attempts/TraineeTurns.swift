/// One request at a time on each trainee's attempt in this process: a second tab's answer waits
/// for the first's save instead of finding the attempt taken. Requests of different trainees
/// never wait for each other.
actor TraineeTurns {
    private var busy: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Runs `body` once no other request of `trainee`'s is running.
    func run<T: Sendable, Failure: Error>(
        for trainee: String, _ body: @Sendable () async throws(Failure) -> T
    ) async throws(Failure) -> T {
        await take(trainee)
        let result: Result<T, Failure>
        do {
            result = .success(try await body())
        } catch {
            result = .failure(error)
        }
        release(trainee)
        return try result.get()
    }

    private func take(_ trainee: String) async {
        guard busy.contains(trainee) else {
            busy.insert(trainee)
            return
        }
        await withCheckedContinuation { waiting[trainee, default: []].append($0) }
    }

    private func release(_ trainee: String) {
        guard var queue = waiting[trainee], !queue.isEmpty else {
            busy.remove(trainee)
            return
        }
        let next = queue.removeFirst()
        waiting[trainee] = queue.isEmpty ? nil : queue
        next.resume()
    }
}
