import CFuzzerDriver
import Foundation
import FuzzTargets

// The fuzz executable: `fuzz-text TARGET [libFuzzer flags and corpus folders]`,
// TARGET one of decode, normalise, parse, enrich (see `FuzzTarget`). SwiftPM
// links an executable with `main` aliased to `<module>_main`, so that symbol
// is the entry point: it picks the target and runs libFuzzer's driver.
@_cdecl("fuzz_text_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    guard let argv, argc > 1, let name = argv[1].map({ String(cString: $0) }), let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
        FileHandle.standardError.write(Data("usage: fuzz-text \(names) [libFuzzer flags] [corpus folders]\n".utf8))
        return 2
    }
    FuzzSession.start(target)
    // libFuzzer reads its own flags: hand it argv without the target name.
    var arguments = [argv[0]] + (2..<Int(argc)).map { argv[$0] } + [nil]
    var count = argc - 1
    return arguments.withUnsafeMutableBufferPointer { buffer in
        var base = buffer.baseAddress
        return LLVMFuzzerRunDriver(&count, &base) { data, size in
            FuzzSession.run(data, size)
            return 0
        }
    }
}
