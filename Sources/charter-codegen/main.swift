import CharterCommands

// The code generator alone, for the build and command plugins: it depends on the generator and the spec layer
// only, so a package using the plugins does not compile the HTTP server that `generate mock` brings.
await CommandLineTool.main(Code.self)
