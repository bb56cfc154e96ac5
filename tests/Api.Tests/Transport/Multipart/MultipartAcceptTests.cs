using CollectionStore.Api.Transport.Multipart;

namespace CollectionStore.Api.Tests.Transport.Multipart;

public sealed class MultipartAcceptTests
{
    [Theory]
    [InlineData("multipart/mixed;boundary=\"graphql\";subscriptionSpec=1.0,application/json")]
    [InlineData("multipart/mixed;boundary=graphql;subscriptionSpec=1.0,application/json")]
    [InlineData("multipart/mixed; boundary=\"graphql\"; subscriptionSpec=\"1.0\", application/json")]
    [InlineData("application/json, MULTIPART/MIXED;SUBSCRIPTIONSPEC=1.0")]
    [InlineData("multipart/mixed;subscriptionSpec=1.0")]
    [InlineData("text/html;x=\"a,b\", multipart/mixed;subscriptionSpec='1.0';q=0.5")]
    public void AcceptsSubscriptions_ApolloStyleHeader_True(string accept) =>
        Assert.True(MultipartAccept.AcceptsSubscriptions(accept));

    [Theory]
    [InlineData("application/json")]
    [InlineData("multipart/mixed;boundary=\"graphql\";deferSpec=20220824,application/json")]
    [InlineData("multipart/mixed;subscriptionSpec=1.0;q=0,application/json")]
    [InlineData("multipart/form-data;subscriptionSpec=1.0")]
    [InlineData("")]
    public void AcceptsSubscriptions_OtherHeader_False(string accept) =>
        Assert.False(MultipartAccept.AcceptsSubscriptions(accept));
}
