using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace CollectionStore.Authorization.Tests.Tokens;

/// <summary>
/// A minimal OIDC issuer on a free loopback port: a discovery document and a JWKS the test can swap, served by
/// <see cref="HttpListener"/>. Counts JWKS fetches so tests can check the refresh bound.
/// </summary>
internal sealed class LocalOidcServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private volatile string _jwks = """{"keys":[]}""";
    private int _jwksRequests;

    private LocalOidcServer(HttpListener listener, string authority)
    {
        _listener = listener;
        Authority = authority;
        Issuer = authority;
        _loop = Task.Run(ServeAsync);
    }

    public string Authority { get; }

    /// <summary>The <c>issuer</c> the discovery document announces.</summary>
    public string Issuer { get; set; }

    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public static LocalOidcServer Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new LocalOidcServer(listener, $"http://127.0.0.1:{port}");
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probe and bind; pick another.
                listener.Close();
            }
        }
    }

    public void ServeKeys(params JsonObject[] keys) =>
        _jwks = new JsonObject { ["keys"] = new JsonArray([.. keys.Select(key => (JsonNode)key)]) }.ToJsonString();

    public static JsonObject Jwk(RSA rsa, string kid)
    {
        var p = rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
    }

    public static JsonObject Jwk(ECDsa ecdsa, string kid)
    {
        var p = ecdsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "EC",
            ["use"] = "sig",
            ["crv"] = "P-256",
            ["kid"] = kid,
            ["x"] = Base64UrlEncoder.Encode(p.Q.X),
            ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
        };
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Respond(context);
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var path = context.Request.Url?.AbsolutePath;
        string? body = path switch
        {
            "/.well-known/openid-configuration" => new JsonObject { ["issuer"] = Issuer, ["jwks_uri"] = $"{Authority}/jwks" }.ToJsonString(),
            "/jwks" => _jwks,
            _ => null,
        };
        if (path == "/jwks")
        {
            Interlocked.Increment(ref _jwksRequests);
        }

        context.Response.StatusCode = body is null ? 404 : 200;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(body ?? "{}");
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }
}
