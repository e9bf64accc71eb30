import CFuzzerDriver
import FuzzTargets

// The `enrich` fuzz target (see `FuzzTarget.enrich`). SwiftPM links an executable
// with `main` aliased to `<module>_main`, so that symbol is the entry point:
// it runs libFuzzer's driver with this target as the callback.
@_cdecl("fuzz_enrich_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    SlowInputs.warmUp(.enrich)
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        SlowInputs.run(.enrich, data, size)
        return 0
    }
}
