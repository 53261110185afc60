extension CompletionRecord {
    /// The record as issued by `issuer` (a district or school), at schema version 3; unchanged
    /// when `issuer` is nil or the record already names one.
    public func issued(by issuer: String?) -> CompletionRecord {
        guard let issuer, self.issuer == nil else { return self }
        var issued = self
        issued.issuer = issuer
        issued.schemaVersion = max(schemaVersion, 3)
        return issued
    }
}
