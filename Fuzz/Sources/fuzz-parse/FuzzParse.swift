import CFuzzerDriver
import FuzzTargets

// The `parse` fuzz target (see `FuzzTarget.parse`). SwiftPM links an executable
// with `main` aliased to `<module>_main`, so that symbol is the entry point:
// it runs libFuzzer's driver with this target as the callback.
@_cdecl("fuzz_parse_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    SlowInputs.warmUp(.parse)
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        SlowInputs.run(.parse, data, size)
        return 0
    }
}
