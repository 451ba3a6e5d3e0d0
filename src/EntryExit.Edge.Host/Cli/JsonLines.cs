using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EntryExit.Edge.Host.Cli;

/// <summary>Writes one compact JSON object per line (JSON Lines), the form every <c>--json</c> output takes.</summary>
internal static class JsonLines
{
    // Relaxed escaping keeps MRZ-like text readable ('<' is not escaped); output goes to a terminal or a pipe, never HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> writeObject)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writeObject(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
