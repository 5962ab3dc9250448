// Preload for profiling benchmark processes (BENCH_NODE_ARGS="--cpu-prof ... --import ./bench/lib/exit-after-term.mjs"):
// --cpu-prof writes its file only on a normal exit, and the API process currently lingers after
// SIGTERM with its PostgreSQL and Redis sockets open, so the benchmark would have to SIGKILL it.
process.on('SIGTERM', () => setTimeout(() => process.exit(0), 1500).unref());
