/// The binary tables ArticleText loads at start-up instead of building them
/// from its resource lists (the gazetteer's interned words, trie and names),
/// as the lists of record give them. `newswire-tables` writes them into the
/// source tree (`Scripts/build-text-tables.sh`); a test fails when a
/// committed table file differs from what the lists give, so a list edited
/// without regenerating its table cannot pass CI.
public enum TextTables {
    /// Each table file's path under `Sources/ArticleText/` and its bytes.
    public static func generated() -> [(path: String, bytes: [UInt8])] {
        [(path: "Enrich/" + GazetteerTables.file, bytes: GazetteerTables.fromSourceLists().serialised())]
    }
}
