/// Replace the bytes in `range` of a file's UTF-8 text with `replacement` (an insertion when the range is empty).
struct TextEdit: Hashable {
    var range: Range<Int>
    var replacement: String
    /// Among insertions at the same offset, the one with the smaller `depth` comes last in the text: an outer
    /// mapping's new member goes after a nested list's new value that ends at the same line.
    var depth: Int = 0

    /// The text with the edits made. Edits must not overlap (insertions may share an offset).
    static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> String {
        var result = bytes
        let ordered = edits.sorted {
            $0.range.lowerBound != $1.range.lowerBound
                ? $0.range.lowerBound > $1.range.lowerBound : $0.depth < $1.depth
        }
        var limit = Int.max
        for edit in ordered where edit.range.upperBound <= limit {
            result.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
            limit = edit.range.lowerBound
        }
        return String(decoding: result, as: UTF8.self)
    }
}
