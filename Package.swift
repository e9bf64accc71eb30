// swift-tools-version:6.1
import PackageDescription
import Foundation

// Module graph (see DESIGN.md): newswire → Pipeline/StatsServer → Kafka, ArticleText.
// ArticleText knows nothing of Kafka; Kafka knows nothing of articles.

// Data folders are compiled into their targets by the EmbedResources plugin
// (Plugins/EmbedResources lists them), so the binary needs no resource
// bundles beside it; the folders are excluded from the targets' sources.
let embedTargets: [Target] = [
    .executableTarget(name: "EmbedResourcesTool", path: "Plugins/EmbedResourcesTool"),
    .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedResourcesTool"]),
]

let textTargets: [Target] = embedTargets + [
    .target(
        name: "ArticleText",
        exclude: ["Normalise/NormaliseData", "Parse/ParseData", "Enrich/EnrichData"],
        plugins: ["EmbedResources"]
    ),
    .target(name: "Evaluation", dependencies: ["ArticleText"]),
    .executableTarget(
        name: "newswire-evaluate",
        dependencies: [
            "Evaluation",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]
    ),
    // Writes ArticleText's binary tables from its lists (Scripts/build-text-tables.sh).
    .executableTarget(name: "newswire-tables", dependencies: ["ArticleText"]),
    .testTarget(name: "ArticleTextTests", dependencies: ["ArticleText", "TestSupport"]),
    .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "TestSupport"]),
]

let serviceTargets: [Target] = [
    .systemLibrary(
        name: "Crdkafka",
        pkgConfig: "rdkafka",
        providers: [.apt(["librdkafka-dev"])]
    ),
    .target(
        name: "Kafka",
        dependencies: [
            "Crdkafka",
            .product(name: "Logging", package: "swift-log"),
        ]
    ),
    .target(
        name: "Pipeline",
        dependencies: [
            "Kafka",
            "ArticleText",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Histogram", package: "hdrhistogram-swift"),
        ],
        // A copy of the top-level Schemas/ inside the target, kept equal by
        // Scripts/sync-schemas.sh and a test; compiled in by EmbedResources.
        exclude: ["SchemaFiles"],
        plugins: ["EmbedResources"]
    ),
    .target(
        name: "StatsServer",
        dependencies: [
            "Pipeline",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Metrics", package: "swift-metrics"),
        ],
        exclude: ["Dashboard"],
        plugins: ["EmbedResources"]
    ),
    .executableTarget(
        name: "newswire",
        dependencies: [
            "Kafka",
            "ArticleText",
            "Pipeline",
            "StatsServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "ConsoleKitTerminal", package: "console-kit"),
        ],
        // The demo's Examples/ (top level) ships inside the binary.
        plugins: ["EmbedResources"]
    ),
    .testTarget(name: "KafkaTests", dependencies: ["Kafka", "TestSupport"]),
    .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Kafka", "ArticleText", "TestSupport"]),
    .testTarget(
        name: "StatsServerTests",
        dependencies: [
            "StatsServer", "Pipeline", "TestSupport",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]
    ),
    .testTarget(name: "NewswireTests", dependencies: ["newswire", "Pipeline", "ArticleText", "StatsServer", "Kafka", "TestSupport"]),
]

// One helper library for every test target (deadlines, paths, the shared
// corpus, running programs, Kafka fixtures), used by test targets only. Its
// `Kafka/` folder needs librdkafka and swift-log, so the text-only build leaves
// it out.
func testSupport(textOnly: Bool) -> Target {
    .target(
        name: "TestSupport",
        dependencies: textOnly ? [] : ["Kafka", .product(name: "Logging", package: "swift-log")],
        path: "Tests/TestSupport",
        exclude: textOnly ? ["Kafka"] : []
    )
}

// `NEWSWIRE_TEXT_ONLY=1 swift test` builds only the text stages (Foundation and
// swift-argument-parser): a fast loop for text work that skips librdkafka,
// SwiftNIO and Hummingbird. CI and `make test` always build everything.
let textOnly = ProcessInfo.processInfo.environment["NEWSWIRE_TEXT_ONLY"] == "1"

let package = Package(
    name: "newswire",
    platforms: [.macOS(.v15)],
    products: textOnly
        ? [.library(name: "ArticleText", targets: ["ArticleText"])]
        : [
            .executable(name: "newswire", targets: ["newswire"]),
            .library(name: "Kafka", targets: ["Kafka"]),
            .library(name: "ArticleText", targets: ["ArticleText"]),
            .library(name: "Pipeline", targets: ["Pipeline"]),
        ],
    dependencies: textOnly
        ? [.package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")]
        : [
            .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
            .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
            .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
            .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
            .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
            .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
            .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
            // The replay's progress bar on a terminal.
            .package(url: "https://github.com/vapor/console-kit", from: "4.16.2"),
        ],
    targets: (textOnly ? textTargets : textTargets + serviceTargets) + [testSupport(textOnly: textOnly)],
    swiftLanguageModes: [.v6]
)
