import Foundation
import Testing
import TestSupport
@testable import ArticleText
@testable import Pipeline
@testable import StatsServer
@testable import newswire

/// Issue 15, row 4: what the EmbedResources plugin compiled into each module
/// is every file of its data folders, byte for byte, so a file added to a
/// folder (a new gazetteer) is in the binary without anyone listing it.
@Suite(.timeLimit(.minutes(2)))
struct EmbeddedDataTests {
    /// Every non-hidden file under `folder`, keyed `FOLDERNAME/relative/path`.
    private func filesOnDisk(_ relativeFolder: String) throws -> [String: Data] {
        let folder = Repository.root.appendingPathComponent(relativeFolder)
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]))
        let base = folder.resolvingSymlinksInPath().path + "/"
        var found: [String: Data] = [:]
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let relative = String(url.resolvingSymlinksInPath().path.dropFirst(base.count))
            found[folder.lastPathComponent + "/" + relative] = try Data(contentsOf: url)
        }
        return found
    }

    private func expectEmbedded(_ folders: [String], paths: [String], bytes: (String) -> [UInt8]?) throws {
        var disk: [String: Data] = [:]
        for folder in folders {
            disk.merge(try filesOnDisk(folder)) { first, _ in first }
        }
        #expect(!disk.isEmpty)
        #expect(paths.sorted() == disk.keys.sorted())
        for (path, data) in disk {
            #expect(bytes(path) == Array(data), "\(path) differs from its embedded copy")
        }
    }

    @Test func articleTextCarriesItsTables() throws {
        try expectEmbedded(
            ["Sources/ArticleText/Normalise/NormaliseData", "Sources/ArticleText/Parse/ParseData", "Sources/ArticleText/Enrich/EnrichData"],
            paths: ArticleText.EmbeddedFiles.paths, bytes: ArticleText.EmbeddedFiles.bytes
        )
    }

    @Test func pipelineCarriesTheSchemas() throws {
        try expectEmbedded(["Sources/Pipeline/SchemaFiles"], paths: Pipeline.EmbeddedFiles.paths, bytes: Pipeline.EmbeddedFiles.bytes)
    }

    @Test func statsServerCarriesTheDashboard() throws {
        let file = Repository.root.appendingPathComponent("Sources/StatsServer/Dashboard/dashboard.html")
        #expect(DashboardPage.bytes == Array(try Data(contentsOf: file)))
    }

    @Test func theCommandLineCarriesTheExamples() throws {
        try expectEmbedded(["Examples"], paths: newswire.EmbeddedFiles.paths, bytes: newswire.EmbeddedFiles.bytes)
        #expect(BuiltInExamples.inputs.map(\.fileName).contains("bad-latin1.txt"))
        #expect(!BuiltInExamples.inputs.map(\.fileName).contains("README.md"))
    }
}
