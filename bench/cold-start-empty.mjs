// An empty ES module: cold-start.mjs runs it to show what loading a module file alone costs.
