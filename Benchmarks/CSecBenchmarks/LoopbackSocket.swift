import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking TCP connection to a port on 127.0.0.1, for the idle-connection benchmark: the
/// sockets held open without a request, and the new device's page load.
struct LoopbackSocket {
    let descriptor: Int32

    init?(port: Int) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        // Closed with a reset, not the four-way close: 20,000 closed sockets left waiting
        // (TIME_WAIT) would hold most of loopback's ports, and a second run at once would fail.
        var abort = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &abort, socklen_t(MemoryLayout<linger>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            return nil
        }
    }

    /// Sends `GET path` and reads the whole response (its body by Content-Length); nil when the
    /// connection fails first.
    func get(_ path: String) -> String? {
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count
        else { return nil }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[..<count]
            let text = String(decoding: received, as: UTF8.self)
            if let headEnd = text.range(of: "\r\n\r\n"),
                let length = text[..<headEnd.lowerBound].firstMatch(of: /(?i)content-length: *(\d+)/).flatMap({ Int($0.output.1) }
                ),
                text.utf8.count - text.utf8.distance(from: text.startIndex, to: headEnd.upperBound) >= length
            {
                break
            }
        }
        return received.isEmpty ? nil : String(decoding: received, as: UTF8.self)
    }

    /// Whether the server has closed this connection (or sent something, which an idle one
    /// never gets but its end).
    static func closedCount(_ sockets: [LoopbackSocket]) -> Int {
        var polled = sockets.map { pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0) }
        _ = poll(&polled, nfds_t(polled.count), 0)
        return polled.filter { $0.revents != 0 }.count
    }

    func close() { Glibc.close(descriptor) }

    /// Raises this process's soft limit on open files to the hard one.
    static func raiseOpenFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
