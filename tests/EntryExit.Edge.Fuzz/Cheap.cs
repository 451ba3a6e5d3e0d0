using CsCheck;

namespace EntryExit.Edge.Fuzz;

/// <summary>
/// Bulk content from one generated seed: a string or byte array of a generated length is filled by a small local
/// PRNG instead of one CsCheck call per element, which made generation, not the code under test, the cost of an
/// input. CsCheck still shrinks the length and the seed.
/// </summary>
public static class Cheap
{
    /// <summary>Strings of <paramref name="length"/> characters drawn from <paramref name="alphabet"/>.</summary>
    public static Gen<string> Chars(Gen<int> length, string alphabet) =>
        Gen.Select(length, Gen.UInt, (n, seed) => string.Create(n, (seed, alphabet), static (span, state) =>
        {
            var x = state.seed | 1u;
            for (var i = 0; i < span.Length; i++)
            {
                x = Next(x);
                span[i] = state.alphabet[(int)(x % (uint)state.alphabet.Length)];
            }
        }));

    /// <summary>Byte arrays of <paramref name="length"/> bytes drawn from <paramref name="pool"/> (weights by repetition).</summary>
    public static Gen<byte[]> Bytes(Gen<int> length, byte[] pool) =>
        Gen.Select(length, Gen.UInt, (n, seed) =>
        {
            var bytes = new byte[n];
            var x = seed | 1u;
            for (var i = 0; i < n; i++)
            {
                x = Next(x);
                bytes[i] = pool[(int)(x % (uint)pool.Length)];
            }

            return bytes;
        });

    /// <summary>xorshift32.</summary>
    private static uint Next(uint x)
    {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return x;
    }
}
