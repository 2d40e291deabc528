import Foundation
import HookSchemaLoader
import HookSchemaModel

/// A cache of loaded schema folders for `check --schemas DIR`, so a run does not parse the same YAML again: the
/// YAML stays the source of truth, the cache only remembers what the loader made of it.
///
/// An entry is the loaded `SchemaSet` as JSON, in `$XDG_CACHE_HOME/hookschema` (else `~/.cache/hookschema`), named
/// by a hash of everything the load depends on: the folder as given, the path and bytes of every file below it
/// (a superset of the `*.yaml` files the loader reads), and the `hookschema` executable's size and modification
/// time (another build may load differently). Any change makes a new key, so an entry is never stale; only loads
/// without errors are stored; a missing, unreadable or undecodable entry is a miss. `HOOKSCHEMA_CACHE=0`
/// turns the cache off.
enum SchemaCache {
    /// Loads the folder through the cache: the cached set when there is one, else the loader's result (stored
    /// when it has a schema set).
    static func load(directory: String) throws -> LoadResult {
        let environment = ProcessInfo.processInfo.environment
        guard environment["HOOKSCHEMA_CACHE"] != "0", let folder = cacheFolder(environment),
            let key = key(directory: directory)
        else {
            return try SchemaLoader.load(directory: directory)
        }
        let entry = folder.appendingPathComponent("schemas-\(key).json")
        if let data = try? Data(contentsOf: entry), let schemaSet = try? decoder.decode(SchemaSet.self, from: data) {
            return LoadResult(schemaSet: schemaSet, diagnostics: [])
        }
        let result = try SchemaLoader.load(directory: directory)
        if let schemaSet = result.schemaSet, let data = try? encoder.encode(schemaSet) {
            // Written under a temporary name and renamed, so a concurrent run never reads half an entry.
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".schemas-\(key)-\(UUID().uuidString).json")
            if (try? data.write(to: temporary)) != nil, rename(temporary.path, entry.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
            }
            evictOldEntries(in: folder, keeping: 8)
        }
        return result
    }

    /// Removes all but the `count` most recently written entries (each new build of `hookschema` makes new keys).
    private static func evictOldEntries(in folder: URL, keeping count: Int) {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: folder.path) else { return }
        let entries = names.filter { $0.hasPrefix("schemas-") && $0.hasSuffix(".json") }.map { name in
            let url = folder.appendingPathComponent(name)
            let modified = (try? fileManager.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? nil
            return (url: url, modified: modified ?? .distantPast)
        }
        guard entries.count > count else { return }
        for entry in entries.sorted(by: { $0.modified > $1.modified }).dropFirst(count) {
            try? fileManager.removeItem(at: entry.url)
        }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }

    private static func cacheFolder(_ environment: [String: String]) -> URL? {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
            return URL(fileURLWithPath: base).appendingPathComponent("hookschema")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/hookschema")
    }

    /// The hash of what a load of `directory` depends on; nil when something cannot be read (no caching then:
    /// the loader reports the problem).
    static func key(directory: String) -> String? {
        var hash = StableHash()
        hash.add("hookschema schema cache 1\0\(directory)\0")
        guard let executable = Self.executableIdentity() else { return nil }
        hash.add(executable)
        let fileManager = FileManager.default
        let root = URL(fileURLWithPath: directory, isDirectory: true).resolvingSymlinksInPath()
        guard let enumerator = fileManager.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else { return nil }
        var files: [(relative: String, url: URL)] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator {
            let resolved = url.resolvingSymlinksInPath()
            guard (try? resolved.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.path
            files.append((path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path, resolved))
        }
        guard !files.isEmpty else { return nil }
        for file in files.sorted(by: { $0.relative < $1.relative }) {
            guard let contents = try? Data(contentsOf: file.url) else { return nil }
            hash.add("\0\(file.relative)\0\(contents.count)\0")
            hash.add(contents)
        }
        return hash.hex
    }

    /// The running executable's size and modification time.
    private static func executableIdentity() -> String? {
        guard let path = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return "\(path)\0\(size)\0\(modified.timeIntervalSince1970)"
    }
}

/// Two 64-bit FNV-1a hashes with different offset bases (128 bits): stable across runs and machines, unlike
/// `Hasher`. Not cryptographic; it only tells cache entries apart.
struct StableHash {
    private var first: UInt64 = 0xCBF2_9CE4_8422_2325
    private var second: UInt64 = 0x6C62_272E_07BB_0142

    mutating func add(_ text: String) {
        add(Data(text.utf8))
    }

    mutating func add(_ bytes: Data) {
        var first = first
        var second = second
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second ^= second >> 29
        }
        self.first = first
        self.second = second
    }

    var hex: String {
        String(first, radix: 16) + "-" + String(second, radix: 16)
    }
}
