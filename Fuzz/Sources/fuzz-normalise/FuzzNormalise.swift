import CFuzzerDriver
import FuzzTargets

// The `normalise` fuzz target (see `FuzzTarget.normalise`). SwiftPM links an executable
// with `main` aliased to `<module>_main`, so that symbol is the entry point:
// it runs libFuzzer's driver with this target as the callback.
@_cdecl("fuzz_normalise_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    SlowInputs.warmUp(.normalise)
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        SlowInputs.run(.normalise, data, size)
        return 0
    }
}
