/// Sites often state one publication instant twice: in UTC (`…Z`, `+00:00`)
/// in one tag and in the newsroom's local time in another (JSON-LD with
/// `+02:00`, a script variable without offset). The local form carries the
/// calendar date readers see, so when a UTC value has a local twin — the
/// same instant, or a time without offset that differs from it by a whole
/// number of quarter hours within ±14 h — the local one is kept (with its
/// offset made explicit).
enum LocalTimePreference {
    static func prefer(_ primary: String, among others: () -> [String]) -> String {
        guard let utc = parse(primary), utc.offset == 0, utc.hasTime else { return primary }
        for candidate in others() {
            guard let local = parse(candidate), local.hasTime else { continue }
            if let offset = local.offset {
                if offset != 0 && local.seconds - offset == utc.seconds { return candidate }
            } else {
                let difference = local.seconds - utc.seconds
                if difference != 0 && abs(difference) <= 14 * 3600 && difference % 900 == 0 {
                    return candidate + offsetText(difference)
                }
            }
        }
        return primary
    }

    /// An ISO value from `MetadataDate` as local seconds since 1970 and its
    /// offset in seconds (nil when none is stated).
    private static func parse(_ iso: String) -> (seconds: Int, offset: Int?, hasTime: Bool)? {
        let u = Array(iso.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= u.count else { return nil }
            var v = 0
            for k in from..<(from + count) {
                guard u[k] >= 0x30 && u[k] <= 0x39 else { return nil }
                v = v * 10 + Int(u[k] - 0x30)
            }
            return v
        }
        guard let y = num(0, 4), let m = num(5, 2), let d = num(8, 2) else { return nil }
        let days = daysFromCivil(y, m, d)
        guard u.count >= 19, u[10] == UInt8(ascii: "T"), let h = num(11, 2), let mi = num(14, 2), let s = num(17, 2) else {
            return (days * 86400, nil, false)
        }
        let seconds = days * 86400 + h * 3600 + mi * 60 + s
        if u.count == 19 { return (seconds, nil, true) }
        if u[19] == UInt8(ascii: "Z") { return (seconds, 0, true) }
        guard u.count >= 25, let oh = num(20, 2), let om = num(23, 2) else { return (seconds, nil, true) }
        let sign = u[19] == UInt8(ascii: "-") ? -1 : 1
        return (seconds, sign * (oh * 3600 + om * 60), true)
    }

    private static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let a = abs(seconds)
        let h = a / 3600
        let m = (a % 3600) / 60
        return sign + (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
