// swift-tools-version:6.1
import PackageDescription

// The text-stage benchmark: a separate package so the root package's build
// stays free of benchmark code. Build it with NEWSWIRE_TEXT_ONLY=1 so the root
// resolves only the text targets (see Benchmarks/text-normalise.sh).
let package = Package(
    name: "TextBench",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "newswire", path: "../..")],
    targets: [
        .executableTarget(
            name: "TextBench",
            dependencies: [.product(name: "ArticleText", package: "newswire")]
        )
    ],
    swiftLanguageModes: [.v6]
)
