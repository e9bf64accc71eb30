import CFuzzerDriver
import FuzzTargets

// The `decode` fuzz target (see `FuzzTarget.decode`). SwiftPM links an executable
// with `main` aliased to `<module>_main`, so that symbol is the entry point:
// it runs libFuzzer's driver with this target as the callback.
@_cdecl("fuzz_decode_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    SlowInputs.warmUp(.decode)
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        SlowInputs.run(.decode, data, size)
        return 0
    }
}
