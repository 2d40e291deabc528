/// What an existing provider.yaml says of the envelope: how events are named and which members the envelope
/// declares. A re-import keeps the user's envelope, so the events it writes follow it.
public struct ExistingProvider: Sendable {
    public var naming: ImportedProvider.Naming?
    public var fields: Set<String> = []

    /// Reads what it can of `text`; a file that does not parse says nothing (the import then writes its own
    /// envelope into the event files' assumptions, and the lint of the result reports any conflict).
    public init(text: String) {
        guard let document = try? SourceDocument.parse(text, path: "provider.yaml"),
            let envelope = document.root["envelope"]
        else { return }
        if let header = envelope["eventHeader"]?.string {
            naming = .header(header, variant: envelope["variant"]?.string)
        } else if let member = envelope["discriminator"]?.string {
            naming = .member(member)
        }
        fields = Set(envelope["fields"]?.members.map(\.key) ?? [])
        if case .member(let member)? = naming {
            fields.remove(member)
        }
    }
}
