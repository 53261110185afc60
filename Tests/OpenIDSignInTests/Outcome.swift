import OpenIDSignIn

/// What a sign-in step gave: its value, or the sign-in error it threw.
func outcome<Value>(
    _ body: () async throws(OpenIDSignInError) -> Value
) async -> Result<Value, OpenIDSignInError> {
    do {
        return .success(try await body())
    } catch {
        return .failure(error)
    }
}
