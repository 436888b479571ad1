// Generated schema tables name `Pattern`; code that imports CharterRuntime sees it without importing CharterBase.
@_exported import CharterBase
