namespace CollectionStore.Api.Transport.Sse.Cluster;

/// <summary>
/// The Lua scripts behind a shared reservation, one Redis hash per token: <c>owner</c> (the reserving <c>sub</c>,
/// empty when anonymous), <c>origin</c> (the reserving node), <c>stream</c> (the node whose stream claimed it, absent
/// before), and operations POSTed before any stream: <c>p:&lt;n&gt;</c> (the request, in arrival order),
/// <c>o:&lt;operationId&gt;</c> (its n) and the count <c>pending</c>. Each script is one atomic step, so an operation
/// is either queued before the claim (and handed to the stream) or routed to the stream's node, never lost between.
/// </summary>
internal static class SseClusterScripts
{
    private const string CheckOwner = """
        local owner = redis.call('HGET', KEYS[1], 'owner')
        if owner == false or owner ~= ARGV[1] then return 'missing' end
        local stream = redis.call('HGET', KEYS[1], 'stream')
        if stream then return 'stream:' .. stream end
        """;

    /// <summary>ARGV: owner, origin node, ttl ms.</summary>
    public const string Announce = """
        redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'origin', ARGV[2], 'pending', 0)
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 'ok'
        """;

    /// <summary>ARGV: owner. Answers missing, stream:&lt;node&gt; or pending.</summary>
    public const string Locate = CheckOwner + "\nreturn 'pending'";

    /// <summary>ARGV: owner, operation id, request, max operations. Answers missing, stream:&lt;node&gt;, duplicate, full or queued.</summary>
    public const string Enqueue = CheckOwner + """

        if redis.call('HEXISTS', KEYS[1], 'o:' .. ARGV[2]) == 1 then return 'duplicate' end
        local pending = tonumber(redis.call('HGET', KEYS[1], 'pending') or '0')
        if pending >= tonumber(ARGV[4]) then return 'full' end
        local n = redis.call('HINCRBY', KEYS[1], 'seq', 1)
        redis.call('HSET', KEYS[1], 'o:' .. ARGV[2], n, 'p:' .. n, ARGV[3], 'pending', pending + 1)
        return 'queued'
        """;

    /// <summary>ARGV: owner, operation id. Answers missing, stream:&lt;node&gt; or pending (the queued operation is gone).</summary>
    public const string Cancel = CheckOwner + """

        local n = redis.call('HGET', KEYS[1], 'o:' .. ARGV[2])
        if n then
          redis.call('HDEL', KEYS[1], 'o:' .. ARGV[2], 'p:' .. n)
          redis.call('HINCRBY', KEYS[1], 'pending', -1)
        end
        return 'pending'
        """;

    /// <summary>ARGV: owner, node, ttl ms. Answers {missing}, {taken} or {claimed, origin, queued requests in order…}.</summary>
    public const string Claim = """
        local owner = redis.call('HGET', KEYS[1], 'owner')
        if owner == false or owner ~= ARGV[1] then return {'missing'} end
        if redis.call('HEXISTS', KEYS[1], 'stream') == 1 then return {'taken'} end
        local result = {'claimed', redis.call('HGET', KEYS[1], 'origin') or ''}
        local fields = redis.call('HGETALL', KEYS[1])
        local queued = {}
        for i = 1, #fields, 2 do
          local kind = string.sub(fields[i], 1, 2)
          if kind == 'p:' then table.insert(queued, {tonumber(string.sub(fields[i], 3)), fields[i + 1]}) end
          if kind == 'p:' or kind == 'o:' then redis.call('HDEL', KEYS[1], fields[i]) end
        end
        table.sort(queued, function(a, b) return a[1] < b[1] end)
        for _, q in ipairs(queued) do table.insert(result, q[2]) end
        redis.call('HSET', KEYS[1], 'stream', ARGV[2], 'pending', 0)
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return result
        """;

    /// <summary>ARGV: node, ttl ms. Keeps the hash alive while this node's stream lives.</summary>
    public const string Refresh = """
        if redis.call('HGET', KEYS[1], 'stream') == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return 0
        """;

    /// <summary>ARGV: node. Removes the hash when this node's stream held it.</summary>
    public const string Release = """
        if redis.call('HGET', KEYS[1], 'stream') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;
}
