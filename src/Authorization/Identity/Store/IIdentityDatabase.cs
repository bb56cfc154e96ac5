using System.Data.Common;

namespace CollectionStore.Authorization.Identity.Store;

/// <summary>
/// What differs between the databases that can hold the identity tables (SQLite and PostgreSQL): how connections are
/// had, how a write transaction starts and takes the write lock, which errors mean "busy, try again" or "the database
/// is unreachable", and the two filters of the user listing that need a function of the database. Every other
/// statement is shared.
/// </summary>
internal interface IIdentityDatabase : IAsyncDisposable
{
    /// <summary>A condition on <c>cs_users</c>: <c>username_normalized</c> contains the text parameter <c>@contains</c>.</summary>
    string UsernameContainsFilter { get; }

    /// <summary>A condition on <c>cs_users</c>: the JSON array in <c>roles</c> holds the text parameter <c>@role</c>.</summary>
    string HasRoleFilter { get; }

    /// <summary>An open connection for reads; the caller disposes it.</summary>
    Task<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts a write transaction holding the identity write lock and returns its connection; hand it back with
    /// <see cref="ReleaseWriteConnectionAsync"/> once the transaction is committed or rolled back.
    /// </summary>
    Task<DbConnection> BeginWriteAsync(CancellationToken cancellationToken);

    ValueTask ReleaseWriteConnectionAsync(DbConnection connection);

    /// <summary>The write lock stayed taken; the transaction was not applied and may be started again.</summary>
    bool IsBusy(Exception exception);

    /// <summary>The database could not be reached or dropped the connection.</summary>
    bool IsUnavailable(Exception exception);

    /// <summary>The insert failed because another user has the same normalized username.</summary>
    bool IsUsernameConflict(DbException exception);
}
