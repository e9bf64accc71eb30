import ArticleText
import Foundation

/// The benchmark inputs: each file decoded as plain text once, before any
/// timing. Files that cannot be read or decoded are reported and skipped;
/// with none left, the benchmark stops with its usage line.
public enum CorpusSources {
    public static func decode(_ paths: [String], usage: String) -> [SourceDocument] {
        let sources: [SourceDocument] = paths.compactMap { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("skipping \(path): cannot read it\n".utf8))
                return nil
            }
            do {
                return try InputDecoder.decode(RawArticle(bytes: [UInt8](data), declaredFormat: .text))
            } catch {
                FileHandle.standardError.write(Data("skipping \(path): \(error)\n".utf8))
                return nil
            }
        }
        guard !sources.isEmpty else {
            FileHandle.standardError.write(Data("usage: \(usage)\n".utf8))
            exit(2)
        }
        return sources
    }
}
