namespace CollectionStore.Authorization.Identity.Store;

/// <summary>
/// The system tables of the built-in identity provider in SQLite. They live in the document store's file beside the
/// collections but carry the <c>cs_</c> prefix, which no <c>doc_</c> collection table can take. Triggers make
/// <c>cs_audit</c> append-only for every connection; someone with write access to the file can still drop them,
/// which is what the hash chain is there to reveal. <see cref="PostgresIdentitySchema"/> is the same in PostgreSQL.
/// </summary>
internal static class SqliteIdentitySchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS cs_users (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL,
            username_normalized TEXT NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            roles TEXT NOT NULL,
            attributes TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS cs_sessions (
            id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES cs_users(id),
            created_at TEXT NOT NULL,
            last_refreshed_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            revoked_at TEXT,
            revoked_reason TEXT,
            client_address TEXT,
            refresh_hash TEXT NOT NULL UNIQUE);
        CREATE INDEX IF NOT EXISTS ix_cs_sessions_user ON cs_sessions (user_id, created_at);
        CREATE TABLE IF NOT EXISTS cs_refresh_tokens (
            hash TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES cs_sessions(id),
            used_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS cs_audit (
            sequence INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject_id TEXT,
            session_id TEXT,
            address TEXT,
            protocol TEXT,
            origin TEXT,
            detail TEXT,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_cs_audit_kind ON cs_audit (kind, sequence);
        CREATE INDEX IF NOT EXISTS ix_cs_audit_subject ON cs_audit (subject_id, sequence);
        CREATE TRIGGER IF NOT EXISTS cs_audit_no_update BEFORE UPDATE ON cs_audit
        BEGIN SELECT RAISE(ABORT, 'cs_audit is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS cs_audit_no_delete BEFORE DELETE ON cs_audit
        BEGIN SELECT RAISE(ABORT, 'cs_audit is append-only'); END;
        """;
}
