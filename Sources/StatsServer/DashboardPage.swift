/// The dashboard HTML (`Dashboard/dashboard.html`, compiled into the binary
/// by the EmbedResources plugin).
enum DashboardPage {
    static let bytes: [UInt8] = EmbeddedFiles.bytes("Dashboard/dashboard.html")
        ?? Array("<!doctype html><p>This build has no Dashboard/dashboard.html; see <a href=\"/stats\">/stats</a>.".utf8)
}
