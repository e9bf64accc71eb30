import Foundation

/// Compares two versions of a schema field by field. Minor versions share a
/// topic, so compatibility is checked both ways: a reader of the old version
/// must accept records written with the new one (no field removed or
/// retyped, no enum value added, no field added where the old object was
/// closed, `additionalProperties` not loosened from `false`), and a reader
/// of the new version must accept old records still in the topic (no
/// required field added, no enum value removed, `additionalProperties` not
/// tightened). Local `$ref`s are followed; other keywords must be equal.
public enum SchemaCompatibility {
    /// Every change from `old` to `new`, breaking or not, in path order.
    public static func changes(from old: SchemaDocument, to new: SchemaDocument) -> [SchemaChange] {
        changes(from: old.root, oldVersion: old.version.description, to: new.root, newVersion: new.version.description)
    }

    /// The same over bare JSON roots; the versions only label messages.
    public static func changes(
        from old: JSONValue, oldVersion: String, to new: JSONValue, newVersion: String
    ) -> [SchemaChange] {
        var walk = Walk(oldRoot: old, newRoot: new, oldVersion: oldVersion, newVersion: newVersion)
        walk.compare(old, new, path: "", depth: 0)
        return walk.changes
    }
}

private struct Walk {
    let oldRoot: JSONValue
    let newRoot: JSONValue
    let oldVersion: String
    let newVersion: String
    var changes: [SchemaChange] = []

    static let annotations: Set<String> = [
        "$schema", "$id", "$anchor", "$dynamicAnchor", "$comment", "$defs", "definitions", "$vocabulary",
        "title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly",
    ]
    static let structural: Set<String> = [
        "$ref", "type", "enum", "properties", "required", "additionalProperties", "items", "anyOf", "oneOf", "allOf",
    ]
    static let maximumDepth = 64

    var oldReaderRejectsNew: String { "a \(oldVersion) reader would reject \(newVersion) records" }
    var newReaderRejectsOld: String { "a \(newVersion) reader would reject \(oldVersion) records" }

    mutating func note(_ kind: SchemaChange.Kind, _ path: String, _ text: String) {
        changes.append(SchemaChange(kind: kind, path: path, description: "\(SchemaChange.label(path)) \(text)"))
    }

    mutating func compare(_ oldNode: JSONValue, _ newNode: JSONValue, path: String, depth: Int) {
        guard depth < Self.maximumDepth else { return }
        let old = resolve(oldNode, in: oldRoot, path: path)
        let new = resolve(newNode, in: newRoot, path: path)
        guard let oldMembers = old.objectValue, let newMembers = new.objectValue else {
            if old != new {
                note(.constraintChanged, path, "changed from schema \(old.jsonText) to \(new.jsonText)")
            }
            return
        }
        compareTypes(oldMembers["type"], newMembers["type"], path: path)
        compareEnums(oldMembers["enum"], newMembers["enum"], path: path)
        compareObjects(oldMembers, newMembers, path: path, depth: depth)
        if oldMembers["items"] != nil || newMembers["items"] != nil {
            compare(oldMembers["items"] ?? .bool(true), newMembers["items"] ?? .bool(true), path: path + "[]", depth: depth + 1)
        }
        for keyword in ["anyOf", "oneOf", "allOf"] {
            compareComposition(keyword, oldMembers[keyword], newMembers[keyword], path: path, depth: depth)
        }
        let others = Set(oldMembers.keys).union(newMembers.keys).subtracting(Self.annotations).subtracting(Self.structural)
        for keyword in others.sorted() where oldMembers[keyword] != newMembers[keyword] {
            let was = oldMembers[keyword]?.jsonText ?? "absent"
            let now = newMembers[keyword]?.jsonText ?? "absent"
            note(.constraintChanged, path,
                 "constraint \"\(keyword)\" changed from \(was) to \(now) (readers of \(oldVersion) and \(newVersion) would disagree on which values are valid)")
        }
    }

    // MARK: keywords

    mutating func compareTypes(_ old: JSONValue?, _ new: JSONValue?, path: String) {
        let was = Self.typeSet(old)
        let now = Self.typeSet(new)
        guard was != now else { return }
        let wasText = was.map { $0.sorted().joined(separator: " or ") } ?? "any type"
        let nowText = now.map { $0.sorted().joined(separator: " or ") } ?? "any type"
        let widened = now.map { Array($0.subtracting(was ?? [])).sorted() } ?? ["other types"]
        let narrowed = was.map { Array($0.subtracting(now ?? [])).sorted() } ?? ["other types"]
        var who: [String] = []
        if !widened.isEmpty { who.append("\(oldReaderRejectsNew) where it is \(widened.joined(separator: " or "))") }
        if !narrowed.isEmpty { who.append("\(newReaderRejectsOld) where it is \(narrowed.joined(separator: " or "))") }
        note(.retyped, path, "retyped from \(wasText) to \(nowText) (\(who.joined(separator: "; ")))")
    }

    mutating func compareEnums(_ old: JSONValue?, _ new: JSONValue?, path: String) {
        guard old != new else { return }
        let was = old?.arrayValue
        let now = new?.arrayValue
        guard let was, let now else {
            note(.constraintChanged, path, "enum changed from \(old?.jsonText ?? "absent") to \(new?.jsonText ?? "absent")")
            return
        }
        for value in was where !now.contains(value) {
            note(.enumValueRemoved, path, "enum value \(value.jsonText) removed (\(newReaderRejectsOld) that carry it)")
        }
        for value in now where !was.contains(value) {
            note(.enumValueAdded, path, "enum value \(value.jsonText) added (\(oldReaderRejectsNew) that carry it)")
        }
    }

    mutating func compareObjects(_ old: [String: JSONValue], _ new: [String: JSONValue], path: String, depth: Int) {
        let keys = ["properties", "required", "additionalProperties"]
        guard keys.contains(where: { old[$0] != nil || new[$0] != nil }) else { return }
        let oldFields = old["properties"]?.objectValue ?? [:]
        let newFields = new["properties"]?.objectValue ?? [:]
        let oldRequired = Self.strings(old["required"])
        let newRequired = Self.strings(new["required"])
        let oldExtra = old["additionalProperties"] ?? .bool(true)
        let newExtra = new["additionalProperties"] ?? .bool(true)

        for name in oldFields.keys.sorted() {
            let child = Self.child(path, name)
            if let newField = newFields[name], let oldField = oldFields[name] {
                compare(oldField, newField, path: child, depth: depth + 1)
            } else {
                let why = oldRequired.contains(name)
                    ? "\(oldReaderRejectsNew) without it"
                    : "a \(oldVersion) reader expects it with the type \(oldVersion) gave it"
                note(.fieldRemoved, child, "removed (\(why))")
            }
        }
        for name in newFields.keys.sorted() where oldFields[name] == nil {
            let child = Self.child(path, name)
            switch oldExtra {
            case .bool(false):
                note(.fieldAddedToClosedObject, child,
                     "added where \(oldVersion) allows no unknown fields (\(oldReaderRejectsNew) carrying it)")
            case .object:
                if let newField = newFields[name] {
                    compare(oldExtra, newField, path: child, depth: depth + 1)
                }
            default:
                note(.fieldAdded, child, "added as an optional field")
            }
        }
        for name in newRequired.subtracting(oldRequired).sorted() {
            note(.requiredAdded, Self.child(path, name), "became required (\(newReaderRejectsOld) without it)")
        }
        for name in oldRequired.subtracting(newRequired).sorted() where newFields[name] != nil || oldFields[name] == nil {
            note(.requiredRemoved, Self.child(path, name), "is no longer required (\(oldReaderRejectsNew) without it)")
        }
        compareExtra(oldExtra, newExtra, path: path, depth: depth)
    }

    mutating func compareExtra(_ old: JSONValue, _ new: JSONValue, path: String, depth: Int) {
        let label = "additionalProperties"
        switch (old, new) {
        case (.bool(true), .bool(true)), (.bool(false), .bool(false)):
            return
        case (.object, .object):
            compare(old, new, path: path + ".*", depth: depth + 1)
        case (.bool(true), _), (.object, .bool(false)):
            note(.additionalPropertiesTightened, path,
                 "\(label) tightened from \(old.jsonText) to \(new.jsonText) (\(newReaderRejectsOld) carrying fields \(oldVersion) allowed)")
        default:
            note(.additionalPropertiesLoosened, path,
                 "\(label) loosened from \(old.jsonText) to \(new.jsonText) (\(oldReaderRejectsNew) carrying fields \(oldVersion) did not allow)")
        }
    }

    mutating func compareComposition(_ keyword: String, _ old: JSONValue?, _ new: JSONValue?, path: String, depth: Int) {
        guard old != nil || new != nil else { return }
        guard let was = old?.arrayValue, let now = new?.arrayValue, was.count == now.count else {
            note(.compositionChanged, path, "\"\(keyword)\" changed from \(old?.jsonText ?? "absent") to \(new?.jsonText ?? "absent")")
            return
        }
        for (oldBranch, newBranch) in zip(was, now) {
            compare(oldBranch, newBranch, path: path, depth: depth + 1)
        }
    }

    // MARK: helpers

    /// Follows local `$ref`s (`#/$defs/entity`); sibling keywords beside a
    /// `$ref` are kept. An unresolvable reference is reported.
    mutating func resolve(_ node: JSONValue, in root: JSONValue, path: String) -> JSONValue {
        var current = node
        var hops = 0
        while case let .object(members) = current, case let .string(reference)? = members["$ref"] {
            var siblings = members
            siblings["$ref"] = nil
            guard hops < 16, let target = Self.pointer(reference, in: root) else {
                note(.unresolvedReference, path, "refers to \(reference), which cannot be resolved in the schema file")
                return .object(siblings)
            }
            guard case var .object(merged) = target else { return target }
            for (key, value) in siblings { merged[key] = value }
            current = .object(merged)
            hops += 1
        }
        if current == .bool(true) { return .object([:]) }
        return current
    }

    static func pointer(_ reference: String, in root: JSONValue) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var node = root
        for token in reference.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch node {
            case let .object(members):
                guard let next = members[key] else { return nil }
                node = next
            case let .array(items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                node = items[index]
            default:
                return nil
            }
        }
        return node
    }

    static func typeSet(_ value: JSONValue?) -> Set<String>? {
        switch value {
        case let .string(name)?: return [name]
        case let .array(names)?: return Set(names.compactMap(\.stringValue))
        default: return nil
        }
    }

    static func strings(_ value: JSONValue?) -> Set<String> {
        Set(value?.arrayValue?.compactMap(\.stringValue) ?? [])
    }

    static func child(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }
}
