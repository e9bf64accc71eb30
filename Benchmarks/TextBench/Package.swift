// swift-tools-version:6.1
import PackageDescription

// The text-stage benchmarks (normalise and HTML decode, parse, enrich): a
// separate package so the root package's build stays free of benchmark code.
// Build it with NEWSWIRE_TEXT_ONLY=1 so the root resolves only the text targets
// (see Benchmarks/text-normalise.sh, text-parse.sh, text-enrich.sh).
let package = Package(
    name: "TextBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "newswire", path: "../..")],
    targets: [
        .target(name: "BenchSupport", dependencies: [.product(name: "ArticleText", package: "newswire")]),
        .executableTarget(
            name: "TextBench",
            dependencies: ["BenchSupport", .product(name: "ArticleText", package: "newswire")]
        ),
        .executableTarget(
            name: "ParseBench",
            dependencies: ["BenchSupport", .product(name: "ArticleText", package: "newswire")]
        ),
        .executableTarget(
            name: "EnrichBench",
            dependencies: ["BenchSupport", .product(name: "ArticleText", package: "newswire")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
