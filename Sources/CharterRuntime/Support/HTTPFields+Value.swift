import HTTPTypes

extension HTTPFields {
    /// The field's value, as `self[name]` gives it: nil when absent, repeated fields joined as the subscript joins
    /// them. A field sent once (nearly always) is returned as it is: the subscript builds every answer through a
    /// generic lazy join, about half a microsecond per call in a validated response's profile, asked several times
    /// per request (content type, accept, authorization).
    func value(_ name: HTTPField.Name) -> String? {
        var found: String?
        for field in self where field.name == name {
            if found != nil { return self[name] }
            found = field.value
        }
        return found
    }
}
