import Foundation
import PackagePlugin

/// Compiles a target's data folders into the target as Swift source, so the
/// binary carries its tables, schemas, dashboard and examples and runs
/// without resource bundles beside it.
///
/// The files stay the source of truth: the folders below are enumerated on
/// every build, so a file added to one of them (a new gazetteer in
/// `EnrichData/`) is embedded without touching this plugin or the manifest.
/// The generated `EmbeddedFiles` enum is internal to its target; each target's
/// loader (`ResourceTable`, `ParseTable`, `EnrichResource`, `SchemaLibrary`,
/// `DashboardPage`, the demo's examples) is the one place that reads it.
@main
struct EmbedResources: BuildToolPlugin {
    /// Folders (relative to the package root) embedded into each target. A
    /// file is keyed as `FOLDER/relative/path`, FOLDER being the folder's own
    /// name (`EnrichData/places.json`). Package.swift excludes these folders
    /// from the targets' sources.
    static let folders: [String: [String]] = [
        "ArticleText": [
            "Sources/ArticleText/Normalise/NormaliseData",
            "Sources/ArticleText/Parse/ParseData",
            "Sources/ArticleText/Enrich/EnrichData",
        ],
        "Pipeline": ["Sources/Pipeline/SchemaFiles"],
        "StatsServer": ["Sources/StatsServer/Dashboard"],
        "newswire": ["Examples"],
    ]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let relativeFolders = Self.folders[target.name] else {
            Diagnostics.error("EmbedResources has no folders listed for target \(target.name); add them to EmbedResources.folders")
            return []
        }
        let root = context.package.directoryURL
        let folders = relativeFolders.map { root.appending(path: $0) }
        var inputs: [URL] = []
        for folder in folders {
            inputs += try Self.files(under: folder)
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) data file(s) into \(target.name)",
                executable: try context.tool(named: "EmbedResourcesTool").url,
                arguments: [output.path] + folders.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    /// Every non-hidden regular file under `folder`, sorted by path.
    static func files(under folder: URL) throws -> [URL] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else {
            throw EmbedError(message: "cannot list \(folder.path)")
        }
        var found: [URL] = []
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }
}

/// A folder the plugin cannot read.
struct EmbedError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
