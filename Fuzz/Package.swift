// swift-tools-version:6.1
import PackageDescription

// libFuzzer harnesses for the text stages (Scripts/fuzz.sh builds and runs
// them): a separate package, built with NEWSWIRE_TEXT_ONLY=1 so the root
// resolves only ArticleText, and with
// `swift build -c release -Xswiftc -sanitize=fuzzer,address`.
//   FuzzTargets    what each target does with one input, and its checks
//   CFuzzerDriver  declares libFuzzer's driver (LLVMFuzzerRunDriver) for Swift
//   fuzz-text      the fuzz executable: `fuzz-text TARGET [libFuzzer flags]`
//   fuzz-replay    runs inputs through a target without sanitizers and times
//                  them (to confirm slow inputs and crashes outside libFuzzer)
let fuzzEntry: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "Fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "newswire", path: "..")],
    targets: [
        .target(name: "FuzzTargets", dependencies: [.product(name: "ArticleText", package: "newswire")]),
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "fuzz-text", dependencies: ["FuzzTargets", "CFuzzerDriver"], swiftSettings: fuzzEntry),
        .executableTarget(name: "fuzz-replay", dependencies: ["FuzzTargets"]),
    ],
    swiftLanguageModes: [.v6]
)
