import Foundation
import HummingbirdTLS
import NIOSSL

/// The certificate and private key the server uses for HTTPS (and WSS), read from PEM files: the
/// certificate file holds the server's certificate first, then any intermediate certificates.
public struct SessionTLS: Sendable {
    public let certificateFile: String
    public let keyFile: String
    /// The server's TLS configuration, for `TLSChannel`.
    public let configuration: TLSConfiguration

    /// Reads both files and checks that they belong together; each problem is a
    /// ``SessionTLSError`` naming the file.
    public init(certificateFile: String, keyFile: String) throws(SessionTLSError) {
        let certificatePEM = try Self.read(certificateFile, kind: .certificate)
        let keyPEM = try Self.read(keyFile, kind: .privateKey)
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(certificatePEM)
        } catch {
            throw .notPEM(certificateFile, kind: .certificate)
        }
        guard !chain.isEmpty else { throw .notPEM(certificateFile, kind: .certificate) }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(bytes: keyPEM, format: .pem)
        } catch {
            throw .notPEM(keyFile, kind: .privateKey)
        }
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        do {
            // Loading the key after the certificate checks that the two are a pair.
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .mismatched(certificate: certificateFile, key: keyFile)
        }
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.configuration = configuration
    }

    private static func read(_ path: String, kind: SessionTLSError.Kind) throws(SessionTLSError) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path, kind: kind) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path, kind: kind) }
        return [UInt8](data)
    }
}

/// Why the server cannot use the given certificate and key.
public enum SessionTLSError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case certificate = "certificate"
        case privateKey = "private key"
    }

    /// The file does not exist.
    case missing(String, kind: Kind)
    /// The file exists but cannot be read (its permissions, or a directory).
    case unreadable(String, kind: Kind)
    /// The file holds no PEM certificate (or private key).
    case notPEM(String, kind: Kind)
    /// The private key is not the certificate's.
    case mismatched(certificate: String, key: String)

    public var description: String {
        switch self {
        case .missing(let path, let kind):
            "\(path): error: the TLS \(kind.rawValue) file does not exist; give the path of the PEM file."
        case .unreadable(let path, let kind):
            "\(path): error: the TLS \(kind.rawValue) file cannot be read; check that it is a file this user may read."
        case .notPEM(let path, let kind):
            "\(path): error: this is not a PEM \(kind.rawValue) (a text file starting with “-----BEGIN”); "
                + "convert it with openssl, or give the right file."
        case .mismatched(let certificate, let key):
            "\(key): error: this private key does not belong to the certificate \(certificate); "
                + "give the key that was made with that certificate."
        }
    }
}
