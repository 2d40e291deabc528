// Not in SwiftNaming.swift: that file is also compiled into the plugins (Plugins/PluginsShared), which have no
// schema model.

extension SwiftNaming {
    /// Gives every field whose Swift property name an earlier field (or the generated `unknownFields`) already has
    /// a numbered `swiftName` of its own: GitHub's reactions `+1` and `-1` become `_1` and `_12`. Fields that
    /// already have a `swiftName` keep it.
    public static func disambiguate(_ fields: inout [Field]) {
        let names = fields.map { $0.swiftName ?? memberName($0.name) }
        for (index, renamed) in numbered(names, taken: ["unknownFields"]) { fields[index].swiftName = renamed }
    }

    /// Gives every string enum value whose Swift case name an earlier value already has a numbered `swiftName`
    /// (`Hello-World` and `hello-world` become `helloWorld` and `helloWorld2`).
    public static func disambiguate(_ values: inout [EnumValue]) {
        let names = values.map { $0.swiftName ?? memberName($0.value) }
        for (index, renamed) in numbered(names, taken: []) { values[index].swiftName = renamed }
    }

    /// The positions of `names` that an earlier name (or one of `taken`) already has, each with the first free
    /// numbered name (`_1` → `_12`).
    private static func numbered(_ names: [String], taken: Set<String>) -> [(Int, String)] {
        var taken = taken
        var renamed: [(Int, String)] = []
        for (index, name) in names.enumerated() where !taken.insert(name).inserted {
            var counter = 2
            while taken.contains(name + String(counter)) { counter += 1 }
            taken.insert(name + String(counter))
            renamed.append((index, name + String(counter)))
        }
        return renamed
    }
}
