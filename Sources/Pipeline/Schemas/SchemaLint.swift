/// Checks one schema file's form, apart from its history: it is draft
/// 2020-12, its `$id` matches its path, it has a title, every field has a
/// description, and every object says which fields are required and whether
/// unknown fields are allowed (so that choice is always made on purpose).
public enum SchemaLint {
    public static let metaschema = "https://json-schema.org/draft/2020-12/schema"

    /// Problems with `document`'s form, as readable sentences.
    public static func problems(in document: SchemaDocument) -> [String] {
        guard let root = document.root.objectValue else { return ["is not a JSON object"] }
        var found: [String] = []
        if root["$schema"]?.stringValue != metaschema {
            found.append("\"$schema\" is not \(metaschema)")
        }
        let idSuffix = "/\(document.name)/\(document.version).json"
        if let id = root["$id"]?.stringValue {
            if !id.hasSuffix(idSuffix) { found.append("\"$id\" \(id) does not end in \(idSuffix)") }
        } else {
            found.append("has no \"$id\"")
        }
        if (root["title"]?.stringValue ?? "").isEmpty { found.append("has no \"title\"") }
        if (root["description"]?.stringValue ?? "").isEmpty { found.append("has no \"description\"") }
        walk(document.root, path: "", into: &found)
        for (name, definition) in (root["$defs"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            walk(definition, path: "$defs.\(name)", into: &found)
        }
        return found
    }

    private static func walk(_ node: JSONValue, path: String, into found: inout [String]) {
        guard let members = node.objectValue else { return }
        let types = members["type"].map { value -> [String] in
            value.stringValue.map { [$0] } ?? value.arrayValue?.compactMap(\.stringValue) ?? []
        } ?? []
        let fields = members["properties"]?.objectValue
        if fields != nil || types.contains("object") {
            let label = path.isEmpty ? "the top level" : "object \"\(path)\""
            if members["additionalProperties"] == nil {
                found.append("\(label) does not state \"additionalProperties\"")
            }
            if members["required"] == nil {
                found.append("\(label) has no \"required\" list")
            }
            let required = members["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            for name in required where fields?[name] == nil {
                found.append("\(label) requires \"\(name)\", which is not one of its fields")
            }
        }
        for (name, field) in (fields ?? [:]).sorted(by: { $0.key < $1.key }) {
            let child = path.isEmpty ? name : "\(path).\(name)"
            if (field["description"]?.stringValue ?? "").isEmpty {
                found.append("field \"\(child)\" has no description")
            }
            walk(field, path: child, into: &found)
        }
        if let items = members["items"] { walk(items, path: path + "[]", into: &found) }
        if let extra = members["additionalProperties"] { walk(extra, path: path + ".*", into: &found) }
        for keyword in ["anyOf", "oneOf", "allOf"] {
            for branch in members[keyword]?.arrayValue ?? [] { walk(branch, path: path, into: &found) }
        }
    }
}
