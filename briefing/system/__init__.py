"""How a build uses the machine: atomic file writes, forked worker processes, the garbage collector."""
