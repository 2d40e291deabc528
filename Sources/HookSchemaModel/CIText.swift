/// Escaping for the CI report formats that `check` and `diff` both write: XML for JUnit, and the data and property
/// escapes of GitHub Actions workflow commands (`::error file=…,title=…::message`).
public enum CIText {
    /// XML text (`inAttribute: false`) or attribute-value escaping; characters XML 1.0 cannot hold become U+FFFD.
    public static func xml(_ text: String, inAttribute: Bool = true) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\n": escaped += inAttribute ? "&#10;" : "\n"
            case "\t": escaped += "&#9;"
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value):
                escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// A workflow command's message: `%`, CR and LF escaped.
    public static func githubData(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// A workflow command's property value (`file=`, `title=`): also `:` and `,`.
    public static func githubProperty(_ text: String) -> String {
        githubData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
