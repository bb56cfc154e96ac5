using CollectionStore.Authorization.Identity;
using Microsoft.Extensions.Time.Testing;

namespace CollectionStore.Authorization.Tests.Identity;

public sealed class LoginRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly LoginRateLimiter _limiter;

    public LoginRateLimiterTests() =>
        _limiter = new LoginRateLimiter(new LoginRateLimitOptions { MaxFailures = 2, Window = TimeSpan.FromMinutes(1) }, _time);

    [Fact]
    public void Begin_AttemptsStillInFlight_CountAgainstTheLimit()
    {
        var first = _limiter.Begin("ALICE", "10.0.0.1");
        var second = _limiter.Begin("ALICE", "10.0.0.2");

        var third = _limiter.Begin("ALICE", "10.0.0.3");

        Assert.False(first.Refused);
        Assert.False(second.Refused);
        Assert.Equal(TimeSpan.FromMinutes(1), third.RetryAfter);
    }

    [Fact]
    public void Succeeded_TakesTheAttemptBack()
    {
        _limiter.Succeeded(_limiter.Begin("ALICE", "10.0.0.1"));
        _limiter.Succeeded(_limiter.Begin("ALICE", "10.0.0.1"));

        var third = _limiter.Begin("ALICE", "10.0.0.1");

        Assert.False(third.Refused);
    }

    [Fact]
    public void Begin_WindowSlides_RetryAfterShrinksThenAdmits()
    {
        _limiter.Begin("ALICE", null);
        _time.Advance(TimeSpan.FromSeconds(20));
        _limiter.Begin("ALICE", null);
        _time.Advance(TimeSpan.FromSeconds(20));

        var refused = _limiter.Begin("ALICE", null);
        _time.Advance(TimeSpan.FromSeconds(20));
        var admitted = _limiter.Begin("ALICE", null);

        Assert.Equal(TimeSpan.FromSeconds(20), refused.RetryAfter);
        Assert.False(admitted.Refused);
    }

    [Fact]
    public void Begin_RefusedAttempt_IsNotCountedItself()
    {
        _limiter.Begin("ALICE", null);
        _limiter.Begin("ALICE", null);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(_limiter.Begin("ALICE", null).Refused);
        }

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(_limiter.Begin("ALICE", null).Refused);
    }
}
