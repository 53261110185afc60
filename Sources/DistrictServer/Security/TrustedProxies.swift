import Foundation
import NIOCore

/// The reverse proxies whose `X-Forwarded-For` the server believes: their addresses, as the
/// server sees their connections. Behind a proxy, every connection comes from the proxy, so
/// without this the audit log would name the proxy, and the sign-in limit would count every
/// client's guesses together. A header from any other address is ignored: a client cannot
/// name its own address.
public struct TrustedProxies: Sendable, Equatable {
    /// The addresses, written as the server writes addresses (`127.0.0.1`, `::1`).
    public let addresses: Set<String>

    /// None: `X-Forwarded-For` is never believed (the default).
    public static let noProxies = TrustedProxies(validAddresses: [])

    /// The proxies at `addresses` (IPv4 or IPv6 literals); nil when one is not an IP address.
    public init?(_ addresses: [String]) {
        var normalized: Set<String> = []
        for address in addresses {
            guard let parsed = try? SocketAddress(ipAddress: address, port: 0), let text = parsed.ipAddress else {
                return nil
            }
            normalized.insert(text)
        }
        self.init(validAddresses: normalized)
    }

    private init(validAddresses: Set<String>) {
        self.addresses = validAddresses
    }

    /// The client behind a request that came from `peer` with these `X-Forwarded-For` values
    /// (each a comma-separated list, the nearest hop last): nil when `peer` is not a trusted
    /// proxy or the header is missing. The list is read from its end, past every trusted proxy,
    /// so that an address a client put at its start is never taken for the client's own.
    public func client(peer: String?, forwardedFor values: [String]) -> String? {
        guard let peer, addresses.contains(peer) else { return nil }
        let hops = values.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let nearest = hops.last(where: { !addresses.contains(Self.normalized($0)) }) ?? hops.first else {
            return nil
        }
        return Self.normalized(nearest)
    }

    private static func normalized(_ address: String) -> String {
        (try? SocketAddress(ipAddress: address, port: 0))?.ipAddress ?? address
    }
}
