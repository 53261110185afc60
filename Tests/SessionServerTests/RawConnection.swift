import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain TCP connection to the server on loopback that does only what a test tells it: stay
/// silent, send part of a request, or speak WebSocket frames without answering pings — what a
/// half-open or hostile client does and a browser never would.
final class RawConnection {
    private let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure("connect: errno \(errno)")
        }
    }

    deinit { close(socket) }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        let sent = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw Failure("send: errno \(errno)") }
    }

    enum Read: Equatable {
        case bytes([UInt8])
        /// The server closed the connection (or reset it).
        case closed
        /// Nothing arrived in time; the connection is still open.
        case nothing
    }

    /// What arrives within `seconds`.
    func read(within seconds: Double, atMost count: Int = 65_536) async -> Read {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            var poll = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            if Glibc.poll(&poll, 1, 0) > 0 {
                var buffer = [UInt8](repeating: 0, count: count)
                let received = buffer.withUnsafeMutableBytes { Glibc.recv(socket, $0.baseAddress, $0.count, 0) }
                return received > 0 ? .bytes(Array(buffer[..<received])) : .closed
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return .nothing
    }

    /// Reads until the server closes the connection; false when it is still open after `seconds`.
    func closes(within seconds: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            switch await read(within: deadline.timeIntervalSinceNow) {
            case .closed: return true
            case .nothing: return false
            case .bytes: continue
            }
        }
        return false
    }

    /// Everything received until `done` holds for it, or `seconds` pass, or the server closes.
    func receive(within seconds: Double, until done: ([UInt8]) -> Bool) async -> [UInt8] {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, !done(received) {
            guard case .bytes(let bytes) = await read(within: deadline.timeIntervalSinceNow) else { break }
            received += bytes
        }
        return received
    }

    /// Sends the WebSocket handshake for `/ws` and reads the server's answer up to its blank line.
    func openWebSocket() async throws -> String {
        try send(
            "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        let answer = await receive(within: 60) { String(decoding: $0, as: UTF8.self).contains("\r\n\r\n") }
        return String(decoding: answer, as: UTF8.self)
    }

    /// A masked client frame: `opcode` 1 is text, 10 a pong.
    func sendFrame(opcode: UInt8, _ payload: [UInt8]) throws {
        precondition(payload.count < 126)
        let mask: [UInt8] = [0x1F, 0x2E, 0x3D, 0x4C]
        try send([0x80 | opcode, 0x80 | UInt8(payload.count)] + mask + payload.enumerated().map { $1 ^ mask[$0 % 4] })
    }

    struct Frame {
        var opcode: UInt8
        var payload: [UInt8]
    }

    /// The server's (unmasked) frames in `bytes`, and the bytes left of an incomplete one.
    static func frames(in bytes: [UInt8]) -> (frames: [Frame], rest: [UInt8]) {
        var frames: [Frame] = []
        var index = 0
        while bytes.count - index >= 2 {
            var length = Int(bytes[index + 1] & 0x7F)
            var start = index + 2
            if length == 126 {
                guard bytes.count - index >= 4 else { break }
                length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
                start += 2
            }
            guard bytes.count >= start + length else { break }
            frames.append(Frame(opcode: bytes[index] & 0x0F, payload: Array(bytes[start..<start + length])))
            index = start + length
        }
        return (frames, Array(bytes[index...]))
    }
}
