import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--stats-address HOST:PORT` for the stats endpoint, or `off`.
struct StatsAddress: Sendable, Hashable {
    var host: String
    var port: Int

    static let defaultValue = "127.0.0.1:8080"

    /// `nil` for `off`.
    static func parse(_ text: String) throws -> StatsAddress? {
        if text == "off" { return nil }
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--stats-address '\(text)' is not HOST:PORT; write e.g. 127.0.0.1:8080, 0.0.0.0:8080 (all interfaces) or off")
        }
        let host = String(text[..<colon])
        guard !host.isEmpty else {
            throw ValidationError("--stats-address '\(text)' has no host; write e.g. 127.0.0.1:8080 or 0.0.0.0:8080")
        }
        return StatsAddress(host: host, port: port)
    }

    /// Binds and releases the address, as the stats server will bind it
    /// (SO_REUSEADDR, like SwiftNIO), so a port another process listens on is
    /// reported before the worker joins its group rather than after.
    func checkAvailable() throws {
        guard port != 0 else { return }
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &list)
        guard resolved == 0, let first = list else {
            throw CommandFailure("--stats-address \(host):\(port): '\(host)' is not an address of this machine (\(String(cString: gai_strerror(resolved)))); use e.g. 127.0.0.1:\(port) or 0.0.0.0:\(port)")
        }
        defer { freeaddrinfo(list) }
        let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        // No socket to test with: the server's own bind reports the problem.
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 else { return }
        let code = errno
        switch code {
        case EADDRINUSE:
            throw CommandFailure("--stats-address \(host):\(port) is already in use by another process; pick another --stats-address (e.g. \(host):\(port + 1 > 65535 ? 8081 : port + 1)) or turn it off with --stats-address off")
        case EADDRNOTAVAIL:
            throw CommandFailure("--stats-address \(host):\(port): '\(host)' is not an address of this machine; use e.g. 127.0.0.1:\(port) or 0.0.0.0:\(port)")
        case EACCES:
            throw CommandFailure("--stats-address \(host):\(port) needs privileges to bind (ports below 1024 do); pick a port of 1024 or above")
        default:
            throw CommandFailure("--stats-address \(host):\(port) cannot be bound (\(String(cString: strerror(code)))); pick another --stats-address or off")
        }
    }
}
