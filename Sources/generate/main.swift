import CharterCommands

// Usage errors exit 2, findings 1 (see CommandLineTool).
await CommandLineTool.main(Generate.self)
