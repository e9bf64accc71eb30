import ArticleText
import Foundation

// Writes ArticleText's binary tables (`TextTables`) from its resource lists:
//   newswire-tables ARTICLETEXT_SOURCE_FOLDER
// Run through Scripts/build-text-tables.sh after editing a list they come from.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let folder = arguments.first else {
    FileHandle.standardError.write(Data("usage: newswire-tables SOURCES/ARTICLETEXT (the folder holding Enrich/EnrichData)\n".utf8))
    exit(2)
}
for table in TextTables.generated() {
    let url = URL(fileURLWithPath: folder).appendingPathComponent(table.path)
    do {
        try Data(table.bytes).write(to: url, options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("newswire-tables: cannot write \(url.path): \(error)\n".utf8))
        exit(1)
    }
    print("\(url.path): \(table.bytes.count) bytes")
}
