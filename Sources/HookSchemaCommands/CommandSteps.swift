import ArgumentParser
import HookSchemaGenerator
import HookSchemaLoader
import HookSchemaModel

// Steps several commands take alike, with the same messages and exit codes everywhere.

extension SchemaLoader {
    /// Loads a schemas folder for a command: prints every diagnostic to standard error and throws exit code 2 when
    /// the folder cannot be read. The result's `schemaSet` is nil when the schemas have errors.
    public static func loadPrintingDiagnostics(directory: String, excluding excluded: Set<String> = []) throws
        -> LoadResult
    {
        let result: LoadResult
        do {
            result = try load(directory: directory, excluding: excluded)
        } catch {
            StandardStream.error.write("error: \(error)\n")
            throw ExitCode.usageError
        }
        for diagnostic in result.diagnostics {
            StandardStream.error.write(diagnostic.description + "\n")
        }
        return result
    }
}

extension GeneratedFileWriter {
    /// Brings the output folder in line with `files` and says what it did, or with `check`, writes nothing and
    /// lists what is out of date on standard error (exit code 1), naming `fixCommand`. Write errors exit 2.
    public func update(_ files: [GeneratedFile], check: Bool, display output: String, fixCommand: String) throws {
        func display(_ relativePath: String) -> String {
            output.hasSuffix("/") ? output + relativePath : output + "/" + relativePath
        }
        do {
            let plan = try plan(files)
            if check {
                guard !plan.isUpToDate else {
                    StandardStream.output.write("\(output) is up to date (\(plan.unchanged.count) files)\n")
                    return
                }
                for path in plan.writes {
                    StandardStream.error.write("out of date: \(display(path))\n")
                }
                for path in plan.removals {
                    StandardStream.error.write("stale: \(display(path))\n")
                }
                StandardStream.error.write("\(output) is out of date; run `\(fixCommand)`\n")
                throw ExitCode.findings
            }
            try apply(plan, files: files)
            for path in plan.writes {
                StandardStream.output.write("wrote \(display(path))\n")
            }
            for path in plan.removals {
                StandardStream.output.write("removed \(display(path))\n")
            }
            StandardStream.output.write(
                "\(files.count) files in \(output): \(plan.writes.count) written, \(plan.removals.count) removed, "
                    + "\(plan.unchanged.count) unchanged\n")
        } catch let error as WriteError {
            StandardStream.error.write("error: \(error.description)\n")
            throw ExitCode.usageError
        }
    }
}
