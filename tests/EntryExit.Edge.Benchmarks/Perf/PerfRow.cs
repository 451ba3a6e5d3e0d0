namespace EntryExit.Edge.Benchmarks.Perf;

/// <summary>One row of the performance table.</summary>
/// <param name="Measure">What is measured, with its unit.</param>
/// <param name="Jit">The figure for the JIT build.</param>
/// <param name="Aot">The figure for the Native AOT build, or why there is none.</param>
/// <param name="Beside">The reference it is read against (fsync rate, mosquitto_pub, a target).</param>
internal sealed record PerfRow(string Measure, string Jit, string Aot, string Beside);
