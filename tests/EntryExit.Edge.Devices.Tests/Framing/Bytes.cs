using System.Text;

namespace EntryExit.Edge.Devices.Tests.Framing;

internal static class Bytes
{
    public const string Td3Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    public const string Td3Line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
    public const string Td1Line1 = "I<UTOD231458907<<<<<<<<<<<<<<<";
    public const string Td1Line2 = "7408122F1204159UTO<<<<<<<<<<<6";
    public const string Td1Line3 = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    public static byte[] Of(string text) => Encoding.Latin1.GetBytes(text);

    public static List<string> FeedAll(Devices.Framing.IFrameDecoder decoder, params byte[][] chunks)
    {
        var frames = new List<string>();
        foreach (var chunk in chunks)
        {
            decoder.Feed(chunk, frames);
        }

        return frames;
    }
}
