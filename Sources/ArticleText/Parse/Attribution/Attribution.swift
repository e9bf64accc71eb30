/// What an article says about where it comes from: the credited agency or
/// outlet, and the dateline place.
struct Attribution: Sendable, Hashable {
    var agency: String?
    var dateline: String?

    /// Keeps what is already known; fills the rest from `other`.
    mutating func fill(from other: Attribution?) {
        guard let other else { return }
        if agency == nil { agency = other.agency }
        if dateline == nil { dateline = other.dateline }
    }
}
