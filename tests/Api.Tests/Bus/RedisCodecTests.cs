using CollectionStore.Api.Bus;
using CollectionStore.Api.Bus.Redis;
using CollectionStore.Authorization.Identity;

namespace CollectionStore.Api.Tests.Bus;

public sealed class RedisCodecTests
{
    [Fact]
    public void NoticeCodec_RoundTrip_KeepsIdentityAndOriginEvenWithSeparatorsInTheId()
    {
        var text = RedisNoticeCodec.Encode("node-a", new ChangeNotice(42, "Task", "odd\nid\nwith lines", null));

        Assert.True(RedisNoticeCodec.TryDecode(text, out var origin, out var notice));
        Assert.Equal(("node-a", 42L, "Task", "odd\nid\nwith lines"), (origin, notice.Sequence, notice.Collection, notice.DocumentId));
        Assert.Null(notice.Record);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("node\nnot-a-number\nTask\nid")]
    [InlineData("node\n-5\nTask\nid")]
    [InlineData("node\n5\nTask")]
    public void NoticeCodec_Malformed_IsRejected(string? text) =>
        Assert.False(RedisNoticeCodec.TryDecode(text, out _, out _));

    [Fact]
    public void SignalCodec_RoundTrip_KeepsEveryField()
    {
        var signal = new IdentitySignal(IdentitySignalKind.SessionsRevoked, "user-1", ["s1", "s2"], "logout");

        Assert.True(IdentitySignalCodec.TryDecode(IdentitySignalCodec.Encode("node-b", signal), out var origin, out var decoded));
        Assert.Equal("node-b", origin);
        Assert.Equal((signal.Kind, signal.UserId, signal.Reason), (decoded.Kind, decoded.UserId, decoded.Reason));
        Assert.Equal(signal.SessionIds, decoded.SessionIds);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"kind":"Unknown","userId":"u","origin":"n"}""")]
    [InlineData("""{"kind":"UserChanged","origin":"n"}""")]
    [InlineData("""{"kind":"UserChanged","userId":"u"}""")]
    public void SignalCodec_Malformed_IsRejected(string text) =>
        Assert.False(IdentitySignalCodec.TryDecode(text, out _, out _));
}
