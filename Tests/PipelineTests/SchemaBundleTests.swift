import Foundation
import Testing
@testable import Pipeline
import TestSupport

/// The binary carries a copy of Schemas/ (Sources/Pipeline/SchemaFiles,
/// compiled in by the EmbedResources plugin); Scripts/sync-schemas.sh makes
/// it, and this test fails when they differ.
@Suite(.timeLimit(.minutes(5))) struct SchemaBundleTests {
    private func files(under root: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        let prefix = root.resolvingSymlinksInPath().path + "/"
        for case let url as URL in enumerator where url.pathExtension == "json" {
            let relative = url.resolvingSymlinksInPath().path.replacingOccurrences(of: prefix, with: "")
            found[relative] = try Data(contentsOf: url)
        }
        return found
    }

    @Test func theBundledSchemasEqualSchemasFolder() throws {
        let library = try SchemaLibrary.bundled()
        let inBundle = Dictionary(uniqueKeysWithValues: library.documents.map { ("\($0.name)/\($0.version).json", Data($0.bytes)) })
        let inRepository = try files(under: Repository.schemas)
        #expect(inRepository.count == 15)
        #expect(inBundle.keys.sorted() == inRepository.keys.sorted(), "run Scripts/sync-schemas.sh")
        for (path, bytes) in inRepository {
            #expect(inBundle[path] == bytes, "\(path) differs: run Scripts/sync-schemas.sh")
        }
    }

    @Test func theBundledLibraryLoads() throws {
        let library = try SchemaLibrary.bundled()
        #expect(library.versions(of: "article.enriched").map(\.description) == ["1.0", "1.1", "1.2", "2.0", "2.1"])
        #expect(try library.document("article.enriched").version.description == "2.1")
        #expect(throws: SchemaError.self) { try library.document("article.nothing") }
    }
}
