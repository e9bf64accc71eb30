import Foundation

/// A calendar date as a text states it, with the time and UTC offset when it
/// states them too. `iso` writes it as precisely as it was stated.
struct StatedDate: Sendable, Hashable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int?
    var minute: Int?
    var second: Int?
    /// Offset from UTC in minutes, when the text names a zone or offset.
    var offsetMinutes: Int?

    /// Whether the date exists in the Gregorian calendar (and lies in the
    /// range news dates can have).
    var isValid: Bool {
        guard (1970...2100).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return day <= (month == 2 && leap ? 29 : lengths[month - 1])
    }

    /// ISO 8601: `YYYY-MM-DD`, or with a time `YYYY-MM-DDTHH:MM:SS` plus the
    /// offset when stated or when `timeZone` supplies one.
    func iso(timeZone: TimeZone?) -> String {
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        guard let hour, let minute else { return date }
        var text = "\(date)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second ?? 0, 2))"
        if let offsetMinutes {
            text += StatedDate.offsetText(offsetMinutes)
        } else if let timeZone, let instant = localInstant(in: timeZone) {
            text += StatedDate.offsetText(timeZone.secondsFromGMT(for: instant) / 60)
        }
        return text
    }

    private func localInstant(in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))
    }

    static func offsetText(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : "+"
        let size = abs(minutes)
        return "\(sign)\(pad(size / 60, 2)):\(pad(size % 60, 2))"
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
