import Foundation

/// Conversions between dates and the Unix milliseconds the receiver's stores keep.
extension Date {
    /// Milliseconds since 1970-01-01T00:00:00Z, as the stores keep times (an integer in every database).
    public var unixMilliseconds: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The date `milliseconds` after 1970-01-01T00:00:00Z.
    ///
    /// - Parameter milliseconds: Milliseconds since 1970-01-01T00:00:00Z, as a store keeps them.
    public init(unixMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }
}
