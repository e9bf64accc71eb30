// The declaration in include/CFuzzerDriver.h is all this module provides:
// SwiftPM names an executable's entry point <module>_main, so each fuzz
// target defines that symbol itself and hands control to libFuzzer's driver.
#include "CFuzzerDriver.h"
