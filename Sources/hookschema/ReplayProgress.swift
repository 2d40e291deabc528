import Foundation
import HookSchemaCommands

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `replay`'s progress: a bar redrawn in place on a terminal (standard error), nothing but the summary otherwise.
final class ReplayProgress {
    private let total: Int
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var done = 0
    private var byClass: [String: Int] = [:]
    private var lastDraw = Date.distantPast

    init(total: Int) {
        self.total = total
    }

    /// Counts one answered (or failed) delivery.
    func advance(status: Int) {
        done += 1
        let kind = status == 0 ? "failed" : "\(status / 100)xx"
        byClass[kind, default: 0] += 1
        if isTerminal, done == total || Date().timeIntervalSince(lastDraw) > 0.05 {
            draw()
        }
    }

    /// A line about one delivery, printed above the bar.
    func note(_ text: String) {
        if isTerminal { StandardStream.error.write("\r\u{1B}[K") }
        StandardStream.error.write(text + "\n")
        if isTerminal { draw() }
    }

    func finish() {
        if isTerminal { StandardStream.error.write("\n") }
    }

    /// `replayed 12 deliveries in 0.4 s (30/s): 2xx 10, 4xx 2`
    func summary(seconds: Double) -> String {
        let counts = byClass.keys.sorted().map { "\($0) \(byClass[$0] ?? 0)" }.joined(separator: ", ")
        let perSecond = seconds > 0 ? Int((Double(done) / seconds).rounded()) : done
        return "replayed \(done) deliver\(done == 1 ? "y" : "ies") in \(String(format: "%.1f", seconds)) s "
            + "(\(perSecond)/s): \(counts)"
    }

    private func draw() {
        lastDraw = Date()
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let counts = byClass.keys.sorted().map { "\($0) \(byClass[$0] ?? 0)" }.joined(separator: " ")
        StandardStream.error.write("\r\u{1B}[K\(bar) \(done)/\(total)  \(counts)")
    }
}
