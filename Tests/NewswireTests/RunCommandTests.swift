import Foundation
import Testing
import TestSupport

/// Issue 15, row 9: a stats address another process listens on is reported
/// in one sentence before the worker starts a cluster or joins a group.
@Suite(.timeLimit(.minutes(2)))
struct RunCommandTests {
    @Test func aTakenStatsAddressIsReportedBeforeJoining() async throws {
        let listener = try ListeningSocket()
        defer { listener.close() }
        let address = "127.0.0.1:\(listener.port)"
        let run = try await CommandRunner.run(["run", "--stats-address", address], deadline: .seconds(60))
        #expect(run.status == 1)
        #expect(run.stderrLines == [
            "Error: --stats-address \(address) is already in use by another process; pick another --stats-address (e.g. 127.0.0.1:\(listener.port + 1)) or turn it off with --stats-address off"
        ], "\(run.stderr)")
    }
}

/// A TCP socket listening on 127.0.0.1 at a port the kernel picks.
struct ListeningSocket {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        try #require(bound == 0 && listen(descriptor, 1) == 0, "could not listen on 127.0.0.1")
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        try #require(named == 0)
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
