import Foundation

/// The dashboard HTML, a resource file beside this one; read once.
enum DashboardPage {
    static let bytes: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "dashboard", withExtension: "html", subdirectory: "Dashboard"),
              let data = FileManager.default.contents(atPath: url.path)
        else {
            return Array("<!doctype html><p>dashboard.html is missing from the StatsServer resources; see <a href=\"/stats\">/stats</a>.".utf8)
        }
        return Array(data)
    }()
}
