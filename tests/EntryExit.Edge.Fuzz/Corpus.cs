using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace EntryExit.Edge.Fuzz;

/// <summary>
/// The folder of inputs that once failed, one sub-folder per target: <c>&lt;target&gt;/&lt;hash&gt;.bin</c> (the input)
/// and <c>&lt;hash&gt;.txt</c> (what failed, for the reader). The regression tests replay every <c>.bin</c>.
/// </summary>
public static class Corpus
{
    /// <summary>The corpus folder of this repository, found upwards from <paramref name="start"/>.</summary>
    public static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EntryExit.Edge.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "EntryExit.Edge.Fuzz", "corpus");
            }
        }

        return null;
    }

    /// <summary>Keeps one failing input; returns its path. The same input is kept once.</summary>
    public static string Save(string root, string target, byte[] input, string problem)
    {
        var folder = Path.Combine(root, target);
        Directory.CreateDirectory(folder);
        var name = Convert.ToHexStringLower(SHA256.HashData(input))[..16];
        var path = Path.Combine(folder, name + ".bin");
        File.WriteAllBytes(path, input);
        // Stack frames lose their source paths: nothing in the repository names a path of the machine it ran on.
        var note = Regex.Replace(problem, @" in \S+:line \d+", string.Empty);
        File.WriteAllText(Path.Combine(folder, name + ".txt"), note + "\n", Encoding.UTF8);
        return path;
    }

    /// <summary>Every kept input of <paramref name="target"/> under <paramref name="root"/>.</summary>
    public static IEnumerable<string> Entries(string root, string target)
    {
        var folder = Path.Combine(root, target);
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.bin").Order(StringComparer.Ordinal) : [];
    }
}
