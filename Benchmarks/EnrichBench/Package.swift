// swift-tools-version:6.1
import PackageDescription

// The enrich-stage benchmark: a separate package (like TextBench and
// ParseBench) so the root package's build stays free of benchmark code. Build
// it with NEWSWIRE_TEXT_ONLY=1 (see Benchmarks/text-enrich.sh).
let package = Package(
    name: "EnrichBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "newswire", path: "../..")],
    targets: [
        .executableTarget(
            name: "EnrichBench",
            dependencies: [.product(name: "ArticleText", package: "newswire")]
        )
    ],
    swiftLanguageModes: [.v6]
)
