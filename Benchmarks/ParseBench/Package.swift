// swift-tools-version:6.1
import PackageDescription

// The parse-stage benchmark: a separate package (like TextBench) so the root
// package's build stays free of benchmark code. Build it with
// NEWSWIRE_TEXT_ONLY=1 (see Benchmarks/text-parse.sh).
let package = Package(
    name: "ParseBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "newswire", path: "../..")],
    targets: [
        .executableTarget(
            name: "ParseBench",
            dependencies: [.product(name: "ArticleText", package: "newswire")]
        )
    ],
    swiftLanguageModes: [.v6]
)
