import PostgresStorage
import Storage
import Testing

struct DatabaseAddressTests {
    @Test(arguments: [
        ("postgres://csec:s%40cret@db.county.example:6432/records", "db.county.example", 6432, "csec", "s@cret", "records"),
        ("postgresql://postgres@127.0.0.1/postgres?sslmode=disable", "127.0.0.1", 5432, "postgres", nil, "postgres"),
    ])
    func readsTheAddressAsLibpqDoes(
        text: String, host: String, port: Int, user: String, password: String?, database: String
    ) throws {
        let address = try DatabaseAddress(text)
        #expect(address.host == host && address.port == port && address.username == user)
        #expect(address.password == password && address.database == database)
        #expect(!address.description.contains("cret"))
    }

    @Test(arguments: [
        ("mysql://a@b/c", "postgres://"), ("postgres:///records", "no host"), ("postgres://db.example/records", "no user"),
        ("postgres://a@db.example", "no database"), ("postgres://a@db.example/r?sslmode=verify", "sslmode"),
    ])
    func anUnusableAddressSaysWhatIsWrong(text: String, expected: String) {
        #expect {
            _ = try DatabaseAddress(text)
        } throws: { error in
            guard case .invalidDatabaseAddress(let reason) = error as? StorageError else { return false }
            return reason.contains(expected)
        }
    }
}
