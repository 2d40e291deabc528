/// The thresholds of `infer`'s decisions, each named, in one place (quicktype keeps its heuristics as separate
/// passes with named thresholds; so do we). `Schemas/README.md` ("Inferring a provider") states them in words.
public struct InferenceRules: Sendable {
    /// An enum needs at least this many strings at its place…
    public var enumMinSamples = 10
    /// …and fewer distinct values than the square root of their number (quicktype's rule), all of them name-like
    /// (`COMPLETED`, `extract_run`: not ids, dates, URLs or text).
    public var enumMaxLength = 64
    /// A `const` needs one name-like value seen at least this often (`object: extract_run`).
    public var constMinSamples = 3
    /// `uri` and `email` need this many strings: their syntax is loose (`sha256:9f2c…` is an absolute URI), so one
    /// or two values say little. `datetime`, `date` and `uuid` are specific enough from one.
    public var looseFormatMinSamples = 3
    /// An object place becomes a map when its member names look like data (ids, numbers, dates), or when it has
    /// more than this many distinct members.
    public var mapMinMembers = 64
    /// Object places with this share of their member names in common (Jaccard similarity) are one shape.
    public var sameShapeSimilarity = 0.9
    /// A named type needs this many members (smaller objects stay inline).
    public var namedTypeMinMembers = 2
    /// The smallest gain ratio (see `EventNaming`) for a member to name the events or their variants.
    public var minGainRatio = 0.3

    /// Distinct string values kept per place (enum and const candidates); past it the place is free text.
    static let valueLimit = 64
    /// Distinct members kept per object place; past it the place is a map.
    static let memberLimit = 1_000
    /// Values a nested tag may have (`object: extract_run | signed_data_url`), and object shapes per value.
    static let tagValueLimit = 16
    static let tagShapeLimit = 64
    /// Values kept per candidate event discriminator, and event shapes per value.
    static let eventValueLimit = 2_048

    public init() {}
}
