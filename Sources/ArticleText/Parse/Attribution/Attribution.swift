/// What an article says about where it comes from: the credited agency,
/// the outlet that names itself in the text, and the dateline place.
struct Attribution: Sendable, Hashable {
    var agency: String?
    var dateline: String?
    var outlet: String?

    init(agency: String? = nil, dateline: String? = nil, outlet: String? = nil) {
        self.agency = agency
        self.dateline = dateline
        self.outlet = outlet
    }

    /// Keeps what is already known; fills the rest from `other`.
    mutating func fill(from other: Attribution?) {
        guard let other else { return }
        if agency == nil { agency = other.agency }
        if dateline == nil { dateline = other.dateline }
        if outlet == nil { outlet = other.outlet }
    }
}
