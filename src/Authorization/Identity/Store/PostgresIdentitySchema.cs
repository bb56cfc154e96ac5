namespace CollectionStore.Authorization.Identity.Store;

/// <summary>
/// The identity tables of <see cref="SqliteIdentitySchema"/> in PostgreSQL, shaped so the shared statements read back
/// exactly what SQLite returns: integers are <c>BIGINT</c> (read as 64-bit), <c>disabled</c> is a 0/1 integer, and
/// timestamps stay fixed-width text. Text that is ordered or compared by range (ids, normalized usernames,
/// timestamps) is <c>COLLATE "C"</c>, so it sorts by code point like SQLite whatever the database's locale. A trigger
/// makes <c>cs_audit</c> append-only (also against <c>TRUNCATE</c>); an owner of the table can still drop it, which is
/// what the hash chain is there to reveal. Every statement is idempotent, and start-up runs them under the migration
/// advisory lock so nodes starting at once never race.
/// </summary>
internal static class PostgresIdentitySchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS cs_users (
            id TEXT COLLATE "C" PRIMARY KEY,
            username TEXT NOT NULL,
            username_normalized TEXT COLLATE "C" NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            roles TEXT NOT NULL,
            attributes TEXT NOT NULL,
            disabled BIGINT NOT NULL DEFAULT 0,
            created_at TEXT COLLATE "C" NOT NULL,
            updated_at TEXT COLLATE "C" NOT NULL,
            version BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS cs_sessions (
            id TEXT COLLATE "C" PRIMARY KEY,
            user_id TEXT COLLATE "C" NOT NULL REFERENCES cs_users(id),
            created_at TEXT COLLATE "C" NOT NULL,
            last_refreshed_at TEXT COLLATE "C" NOT NULL,
            expires_at TEXT COLLATE "C" NOT NULL,
            revoked_at TEXT COLLATE "C",
            revoked_reason TEXT,
            client_address TEXT,
            refresh_hash TEXT COLLATE "C" NOT NULL UNIQUE);
        CREATE INDEX IF NOT EXISTS ix_cs_sessions_user ON cs_sessions (user_id, created_at);
        CREATE TABLE IF NOT EXISTS cs_refresh_tokens (
            hash TEXT COLLATE "C" PRIMARY KEY,
            session_id TEXT COLLATE "C" NOT NULL REFERENCES cs_sessions(id),
            used_at TEXT COLLATE "C" NOT NULL);
        CREATE TABLE IF NOT EXISTS cs_audit (
            sequence BIGINT PRIMARY KEY,
            at TEXT COLLATE "C" NOT NULL,
            kind TEXT COLLATE "C" NOT NULL,
            subject_id TEXT COLLATE "C",
            session_id TEXT COLLATE "C",
            address TEXT,
            protocol TEXT,
            origin TEXT,
            detail TEXT,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_cs_audit_kind ON cs_audit (kind, sequence);
        CREATE INDEX IF NOT EXISTS ix_cs_audit_subject ON cs_audit (subject_id, sequence);
        CREATE OR REPLACE FUNCTION cs_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'cs_audit is append-only'; END;
        $$;
        CREATE OR REPLACE TRIGGER cs_audit_no_update BEFORE UPDATE ON cs_audit
            FOR EACH ROW EXECUTE FUNCTION cs_audit_append_only();
        CREATE OR REPLACE TRIGGER cs_audit_no_delete BEFORE DELETE ON cs_audit
            FOR EACH ROW EXECUTE FUNCTION cs_audit_append_only();
        CREATE OR REPLACE TRIGGER cs_audit_no_truncate BEFORE TRUNCATE ON cs_audit
            FOR EACH STATEMENT EXECUTE FUNCTION cs_audit_append_only();
        """;
}
