using System.Security.Cryptography;

namespace CollectionStore.Domain.Documents;

/// <summary>
/// Generates ULIDs (https://github.com/ulid/spec): 48 bits of Unix milliseconds then 80 random bits, as 26
/// Crockford base32 characters. Ids generated within one millisecond increment the random part, so ids from one
/// generator sort in creation order.
/// </summary>
internal sealed class UlidGenerator(TimeProvider time)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const long MaxTimestamp = (1L << 48) - 1;

    private readonly Lock _lock = new();
    private readonly byte[] _random = new byte[10];
    private long _lastMilliseconds = -1;

    public string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (_lock)
        {
            var now = Math.Clamp(time.GetUtcNow().ToUnixTimeMilliseconds(), 0, MaxTimestamp);
            if (now > _lastMilliseconds)
            {
                _lastMilliseconds = now;
                RandomNumberGenerator.Fill(_random);
            }
            else if (!Increment(_random))
            {
                // The random part overflowed within one millisecond: borrow the next millisecond so order holds.
                _lastMilliseconds++;
                RandomNumberGenerator.Fill(_random);
            }

            for (var i = 0; i < 6; i++)
            {
                bytes[i] = (byte)(_lastMilliseconds >> (8 * (5 - i)));
            }

            _random.CopyTo(bytes[6..]);
        }

        return Encode(bytes);
    }

    private static bool Increment(byte[] value)
    {
        for (var i = value.Length - 1; i >= 0; i--)
        {
            if (++value[i] != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        // 128 bits as 26 base32 digits: the first digit carries the top 3 bits, the rest 5 bits each.
        var high = ((ulong)bytes[0] << 56) | ((ulong)bytes[1] << 48) | ((ulong)bytes[2] << 40) | ((ulong)bytes[3] << 32)
            | ((ulong)bytes[4] << 24) | ((ulong)bytes[5] << 16) | ((ulong)bytes[6] << 8) | bytes[7];
        var low = ((ulong)bytes[8] << 56) | ((ulong)bytes[9] << 48) | ((ulong)bytes[10] << 40) | ((ulong)bytes[11] << 32)
            | ((ulong)bytes[12] << 24) | ((ulong)bytes[13] << 16) | ((ulong)bytes[14] << 8) | bytes[15];
        var value = new UInt128(high, low);
        return string.Create(26, value, static (chars, v) =>
        {
            for (var i = 25; i >= 0; i--)
            {
                chars[i] = Alphabet[(int)(ulong)(v & 31)];
                v >>= 5;
            }
        });
    }
}
