using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace EntryExit.Edge.Storage.Security;

/// <summary>
/// The current key plus older ones. Bodies are sealed with AES-256-GCM under a key derived (HKDF-SHA256) from
/// the current outbox key; each row carries the key id so rotated keys still open older rows. The dedupe
/// HMAC key is derived from the same outbox key with a different label, so neither leaks the other.
/// </summary>
internal sealed class OutboxKeyring : IDisposable
{
    private const int PooledCiphersPerKey = 8;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] BodyLabel = Encoding.UTF8.GetBytes("entryexit-edge/outbox/body/v1");
    private static readonly byte[] KeyIdLabel = Encoding.UTF8.GetBytes("entryexit-edge/outbox/key-id/v1");

    private readonly Dictionary<string, byte[]> _bodyKeys = new(StringComparer.Ordinal);
    private readonly byte[] _currentBodyKey;
    private readonly byte[] _dedupeKey;
    // AesGcm keeps an OpenSSL context with the expanded key; building one per record cost more than the sealing.
    // Instances are not thread-safe, so each call rents one.
    private readonly ConcurrentDictionary<string, ConcurrentQueue<AesGcm>> _ciphers = new(StringComparer.Ordinal);

    public OutboxKeyring(byte[] currentKey, IEnumerable<byte[]> previousKeys, string gatewayId)
    {
        CurrentKeyId = KeyIdOf(currentKey);
        _currentBodyKey = Derive(currentKey, BodyLabel);
        _bodyKeys[CurrentKeyId] = _currentBodyKey;
        foreach (var key in previousKeys)
        {
            _bodyKeys.TryAdd(KeyIdOf(key), Derive(key, BodyLabel));
        }

        _dedupeKey = Derive(currentKey, Encoding.UTF8.GetBytes($"entryexit-edge/outbox/dedupe/v1/{gatewayId}"));
    }

    /// <summary>The id written next to every body sealed now: a fingerprint of the key, not the key.</summary>
    public string CurrentKeyId { get; }

    /// <summary>Whether a row sealed under <paramref name="keyId"/> can be opened.</summary>
    public bool Knows(string keyId) => _bodyKeys.ContainsKey(keyId);

    /// <summary>Seals <paramref name="plaintext"/> bound to <paramref name="associatedData"/> (the record id): nonce | ciphertext | tag.</summary>
    public byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedBody = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBody.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var aes = Rent(CurrentKeyId, _currentBodyKey);
        try
        {
            aes.Encrypt(nonce, plaintext, sealedBody.AsSpan(NonceSize, plaintext.Length),
                sealedBody.AsSpan(NonceSize + plaintext.Length), associatedData);
        }
        finally
        {
            Return(CurrentKeyId, aes);
        }

        return sealedBody;
    }

    /// <summary>Opens a sealed body; false when the key is unknown or the body was altered.</summary>
    public bool TryOpen(string keyId, ReadOnlySpan<byte> sealedBody, ReadOnlySpan<byte> associatedData, out byte[] plaintext)
    {
        plaintext = [];
        if (!_bodyKeys.TryGetValue(keyId, out var key) || sealedBody.Length < NonceSize + TagSize)
        {
            return false;
        }

        var length = sealedBody.Length - NonceSize - TagSize;
        var output = new byte[length];
        var aes = Rent(keyId, key);
        try
        {
            aes.Decrypt(sealedBody[..NonceSize], sealedBody.Slice(NonceSize, length), sealedBody[(NonceSize + length)..],
                output, associatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
        finally
        {
            Return(keyId, aes);
        }

        plaintext = output;
        return true;
    }

    /// <summary>HMAC-SHA256 of the document identity, truncated to 16 bytes: equal documents, equal hashes; no personal data.</summary>
    public byte[] DedupeHash(string issuingState, string documentNumber, DateOnly dateOfBirth)
    {
        var identity = Encoding.UTF8.GetBytes(
            $"{issuingState.Trim().ToUpperInvariant()}\n{documentNumber.Trim().ToUpperInvariant()}\n{dateOfBirth:yyyy-MM-dd}");
        return HMACSHA256.HashData(_dedupeKey, identity).AsSpan(0, 16).ToArray();
    }

    /// <summary>Frees the pooled cipher contexts.</summary>
    public void Dispose()
    {
        foreach (var pool in _ciphers.Values)
        {
            while (pool.TryDequeue(out var aes))
            {
                aes.Dispose();
            }
        }
    }

    private AesGcm Rent(string keyId, byte[] key) =>
        _ciphers.TryGetValue(keyId, out var pool) && pool.TryDequeue(out var aes) ? aes : new AesGcm(key, TagSize);

    private void Return(string keyId, AesGcm aes)
    {
        var pool = _ciphers.GetOrAdd(keyId, _ => new ConcurrentQueue<AesGcm>());
        if (pool.Count < PooledCiphersPerKey)
        {
            pool.Enqueue(aes);
        }
        else
        {
            aes.Dispose();
        }
    }

    private static string KeyIdOf(byte[] key) => Convert.ToHexStringLower(Derive(key, KeyIdLabel).AsSpan(0, 8));

    private static byte[] Derive(byte[] key, byte[] label) => HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: label);
}
