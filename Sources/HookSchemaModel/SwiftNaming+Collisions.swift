// Not in SwiftNaming.swift: that file is also compiled into the plugins (Plugins/PluginsShared), which have no
// schema model.

extension SwiftNaming {
    /// Gives every field whose Swift property name an earlier field (or the generated `unknownFields`) already has
    /// a numbered `swiftName` of its own: GitHub's reactions `+1` and `-1` become `_1` and `_12`. Fields that
    /// already have a `swiftName` keep it.
    public static func disambiguate(_ fields: inout [Field]) {
        var taken: Set<String> = ["unknownFields"]
        for index in fields.indices {
            var swiftName = fields[index].swiftName ?? memberName(fields[index].name)
            if !taken.insert(swiftName).inserted {
                var counter = 2
                while taken.contains(swiftName + String(counter)) { counter += 1 }
                swiftName += String(counter)
                taken.insert(swiftName)
                fields[index].swiftName = swiftName
            }
        }
    }

    /// Gives every string enum value whose Swift case name an earlier value already has a numbered `swiftName`
    /// (`Hello-World` and `hello-world` become `helloWorld` and `helloWorld2`).
    public static func disambiguate(_ values: inout [EnumValue]) {
        var taken: Set<String> = []
        for index in values.indices {
            var caseName = values[index].swiftName ?? memberName(values[index].value)
            if !taken.insert(caseName).inserted {
                var counter = 2
                while taken.contains(caseName + String(counter)) { counter += 1 }
                caseName += String(counter)
                taken.insert(caseName)
                values[index].swiftName = caseName
            }
        }
    }
}
