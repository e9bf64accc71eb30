// swift-tools-version:6.1
import Foundation
import PackageDescription

// Benchmarks live in their own package (release builds, no effect on the main
// build). The root package is a path dependency, whose identity is the name of
// its folder (e.g. `newswire`, or a worktree's name), so it is computed here.
let rootFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = rootFolder.lastPathComponent.lowercased()

let package = Package(
    name: "newswire-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        .executableTarget(
            name: "kafka-throughput",
            dependencies: [
                .product(name: "Kafka", package: rootIdentity),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "text-chain",
            dependencies: [
                .product(name: "ArticleText", package: rootIdentity),
                .product(name: "Pipeline", package: rootIdentity),
            ]
        ),
        .executableTarget(
            name: "worker-bench",
            dependencies: [
                .product(name: "Kafka", package: rootIdentity),
                .product(name: "Pipeline", package: rootIdentity),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "pipeline-throughput",
            dependencies: [
                .product(name: "Kafka", package: rootIdentity),
                .product(name: "ArticleText", package: rootIdentity),
                .product(name: "Pipeline", package: rootIdentity),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
