/// One enrichment: reads the input (and what earlier steps wrote) and fills its
/// part of the `Enrichment`. A new enrichment is a new type conforming to this
/// plus one line in `EnrichmentSteps.all`.
protocol EnrichmentStep {
    static func apply(_ input: EnrichInput, to result: inout Enrichment)
}
