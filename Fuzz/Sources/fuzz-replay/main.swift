import Foundation
import FuzzTargets

// Runs inputs through one fuzz target outside libFuzzer, without sanitizers,
// and prints each input's median CPU time over five runs:
//   fuzz-replay TARGET FILE…      →  "<ms> <file>" per line
// A finding crashes here the same way it crashed under libFuzzer.
let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
    FileHandle.standardError.write(Data("usage: fuzz-replay \(names) FILE…\n".utf8))
    exit(2)
}
for path in arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("fuzz-replay: cannot read \(path)\n".utf8))
        exit(2)
    }
    let bytes = Array(data)
    var times: [Double] = []
    for _ in 0..<5 {
        let start = ThreadCPUTime.nanoseconds()
        target.run(bytes)
        times.append(Double(ThreadCPUTime.nanoseconds() - start) / 1e6)
    }
    print(String(format: "%.2f %@", times.sorted()[2], path))
}
