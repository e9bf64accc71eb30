// swift-tools-version:6.1
import PackageDescription
import Foundation

// Module graph (see DESIGN.md): newswire → Pipeline/StatsServer → Kafka, ArticleText.
// ArticleText knows nothing of Kafka; Kafka knows nothing of articles.

let textTargets: [Target] = [
    .target(
        name: "ArticleText",
        resources: [
            .copy("Normalise/NormaliseData"),
            .copy("Parse/ParseData"),
            .copy("Enrich/EnrichData"),
        ]
    ),
    .target(name: "Evaluation", dependencies: ["ArticleText"]),
    .executableTarget(
        name: "newswire-evaluate",
        dependencies: [
            "Evaluation",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]
    ),
    .testTarget(name: "ArticleTextTests", dependencies: ["ArticleText"]),
    .testTarget(name: "EvaluationTests", dependencies: ["Evaluation"]),
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
        ],
        // A copy of the top-level Schemas/ (SwiftPM copies a symlinked folder
        // as a dangling link), kept equal by Scripts/sync-schemas.sh and a test.
        resources: [.copy("SchemaFiles")]
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
        resources: [.copy("Dashboard")]
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
        ]
    ),
    .testTarget(name: "KafkaTests", dependencies: ["Kafka"]),
    .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Kafka", "ArticleText"]),
    .testTarget(
        name: "StatsServerTests",
        dependencies: [
            "StatsServer", "Pipeline",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]
    ),
    .testTarget(name: "NewswireTests", dependencies: ["newswire", "Pipeline", "Kafka"]),
]

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
            // The replay's progress bar on a terminal.
            .package(url: "https://github.com/vapor/console-kit", from: "4.16.2"),
        ],
    targets: textOnly ? textTargets : textTargets + serviceTargets,
    swiftLanguageModes: [.v6]
)
