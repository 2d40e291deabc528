/// The version of hookschema, as `hookschema --version` prints it and CHANGELOG.md's latest release heading names it
/// (a test keeps the two equal). Semantic versioning; before 1.0 a minor version may change the generated API.
public enum HookSchemaVersion {
    public static let current = "0.1.0"
}
