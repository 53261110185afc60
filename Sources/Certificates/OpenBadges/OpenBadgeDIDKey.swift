import Crypto
import Foundation

/// An issuer identity of the form `did:key:z6Mk…`, made from an Ed25519 public key.
///
/// Per the did:key method: the multicodec prefix for ed25519-pub (`0xed 0x01`) followed by the
/// 32 key bytes, written in base58btc with the multibase prefix "z". The key id used in a
/// token header is the DID, "#", and the same multibase text.
public struct OpenBadgeDIDKey: Sendable, Hashable, CustomStringConvertible {
    /// The multicodec code of an Ed25519 public key, as its varint bytes.
    static let ed25519Prefix: [UInt8] = [0xED, 0x01]

    /// The public key this identity stands for.
    public let publicKey: Curve25519.Signing.PublicKey
    /// The multibase text of the key, "z6Mk…".
    public let multibase: String

    /// The identity of `publicKey`.
    public init(publicKey: Curve25519.Signing.PublicKey) {
        self.publicKey = publicKey
        self.multibase = "z" + OpenBadgeBase58.encode(Self.ed25519Prefix + [UInt8](publicKey.rawRepresentation))
    }

    /// Reads a `did:key:z6Mk…` identity; throws ``OpenBadgeError/unrecognizedIssuerKey(_:)``
    /// unless it is an Ed25519 did:key written exactly as ``init(publicKey:)`` writes it.
    public init(did: String) throws(OpenBadgeError) {
        let scheme = "did:key:z"
        guard did.hasPrefix(scheme), let bytes = OpenBadgeBase58.decode(did.dropFirst(scheme.count)),
            bytes.count == 34, Array(bytes.prefix(2)) == Self.ed25519Prefix,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: bytes.dropFirst(2))
        else { throw .unrecognizedIssuerKey(did) }
        self.init(publicKey: key)
        guard self.did == did else { throw .unrecognizedIssuerKey(did) }
    }

    /// Reads a key id `did:key:z6Mk…#z6Mk…`; the fragment must repeat the DID's own key.
    init(keyID: String) throws(OpenBadgeError) {
        let parts = keyID.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let identity = try? OpenBadgeDIDKey(did: String(parts[0])), parts[1] == identity.multibase
        else { throw .unrecognizedIssuerKey(keyID) }
        self = identity
    }

    /// "did:key:z6Mk…".
    public var did: String { "did:key:" + multibase }

    /// The verification method id for a token header's `kid`: "did:key:z6Mk…#z6Mk…".
    public var keyID: String { did + "#" + multibase }

    public var description: String { did }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.multibase == rhs.multibase }

    public func hash(into hasher: inout Hasher) { hasher.combine(multibase) }
}
