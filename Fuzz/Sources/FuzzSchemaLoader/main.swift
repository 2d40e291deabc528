import HookSchemaLoader
import HookSchemaModel

/// libFuzzer entry point: arbitrary text as schema files of one provider. The input is split at NUL bytes: the
/// first part is `fuzz/provider.yaml`, each further part an event file. Loading must end in a schema set or in
/// diagnostics — never a crash, a hang or a sanitizer report — and a failed load must say why.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: start == nil ? 0 : count)
    let parts = bytes.split(separator: 0, omittingEmptySubsequences: false)
    var sources: [SchemaSource] = []
    for (index, part) in parts.prefix(8).enumerated() {
        let name = index == 0 ? "fuzz/provider.yaml" : "fuzz/event\(index).yaml"
        let text = String(decoding: part, as: UTF8.self)
        sources.append(SchemaSource(path: "/fuzz/" + name, relativePath: name, text: text))
    }
    let result = SchemaLoader.load(sources: sources)
    if result.schemaSet == nil && !result.diagnostics.contains(where: { $0.severity == .error }) {
        fatalError("no schema set and no error diagnostic")
    }
    return 0
}
