import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// GETs against a running worker's stats endpoint (or Prometheus), each with
/// a request timeout so a hung server fails the test instead of hanging it.
enum HTTPProbe {
    struct Response {
        var status: Int
        var body: String
    }

    static func get(_ address: String, timeout: TimeInterval = 10) async throws -> Response {
        var request = URLRequest(url: try #require(URL(string: address)))
        request.timeoutInterval = timeout
        request.cachePolicy = .reloadIgnoringLocalCacheData
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return Response(status: http.statusCode, body: String(decoding: data, as: UTF8.self))
    }

    /// A JSON object from `address`.
    static func json(_ address: String) async throws -> [String: Any] {
        let response = try await get(address)
        let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8))
        return try #require(object as? [String: Any], "\(address) answered \(response.status): \(response.body.prefix(300))")
    }
}

/// Reading nested values out of decoded JSON.
extension Dictionary where Key == String, Value == Any {
    func object(_ key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
    func objects(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
    func int(_ key: String) -> Int? { (self[key] as? NSNumber)?.intValue }
    func double(_ key: String) -> Double? { (self[key] as? NSNumber)?.doubleValue }
    func bool(_ key: String) -> Bool? { self[key] as? Bool }
    func string(_ key: String) -> String? { self[key] as? String }
}
