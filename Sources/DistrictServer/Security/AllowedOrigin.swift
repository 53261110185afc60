import Foundation

/// The origin this server's pages are served from, which every state-changing request must come
/// from: the public address when the server is given one (behind a reverse proxy, the address
/// staff open), else the scheme the server speaks and the `Host` the request was sent to.
public struct AllowedOrigin: Sendable, Equatable {
    /// `https://training.district.org` (scheme, host and port, lowercase, no path); nil when the
    /// origin is taken from each request's `Host`.
    public let publicOrigin: String?
    /// Whether the server itself speaks HTTPS.
    public let servesTLS: Bool

    public init(publicURL: URL?, servesTLS: Bool) {
        self.publicOrigin = publicURL.flatMap(Self.origin(of:))
        self.servesTLS = servesTLS
    }

    /// Whether browsers reach the server over HTTPS (so its cookies are `Secure`).
    public var isSecure: Bool { servesTLS || publicOrigin?.hasPrefix("https://") == true }

    /// Whether a request sent to `host` (its `Host`) with these `Origin` and `Referer` headers
    /// comes from this server's own pages. `Origin` decides when present; a request without it
    /// is judged by its `Referer`'s origin; a request with neither is refused (every browser
    /// sends `Origin` on a form's POST).
    public func allows(origin: String?, referer: String?, host: String?) -> Bool {
        guard let expected = self.origin(host: host) else { return false }
        if let origin { return origin.lowercased() == expected }
        guard let referer, let url = URL(string: referer), let refererOrigin = Self.origin(of: url) else { return false }
        return refererOrigin == expected
    }

    /// The origin of a request sent to `host` (its `Host`): the public address when the server
    /// has one, else the scheme the server speaks and `host`; nil without either.
    public func origin(host: String?) -> String? {
        publicOrigin ?? host.map { "\(servesTLS ? "https" : "http")://\($0.lowercased())" }
    }

    /// `scheme://host[:port]` of `url`, lowercase, the port only when the URL names one.
    static func origin(of url: URL) -> String? {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host(percentEncoded: false)?.lowercased(), !host.isEmpty
        else { return nil }
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(bracketed)" + (url.port.map { ":\($0)" } ?? "")
    }
}
