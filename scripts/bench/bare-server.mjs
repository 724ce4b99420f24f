// The baseline for `GET /api/auth/me`: a bare Fastify route doing the same single-row query on the
// same database (the user with their assigned accounts, exactly what the API's access check reads),
// with a pg pool of the same size. Run as its own process, like the API.
import Fastify from 'fastify';
import pg from 'pg';

const [, , databaseUrl, schema, userId, poolSize] = process.argv;
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(poolSize) });
const app = Fastify();
app.get('/me', async () => {
  const { rows } = await pool.query(
    `select u.id, u.email, u.name, u.role, u.email_verified_at, u.created_at,
            (select array_agg(a.resource_id) from "${schema}".assignments a
              where a.user_id = u.id and a.resource_type = 'instagram_account') as assigned
       from "${schema}".users u where u.id = $1`,
    [userId],
  );
  return { user: rows[0] };
});
// The baseline for `GET /api/accounts` (owner: the CASL filter compiles to "true"): the same one
// statement the API's repository runs (accounts.repository.ts listWithLiveCount: the visible
// accounts and the live count in one round trip), the same columns, mapped to the same answer.
const ACCOUNT_COLUMNS = ['id', 'kind', 'ig_user_id', 'ig_app_scoped_id', 'username', 'name', 'account_type', 'profile_picture_url', 'biography',
  'website', 'followers_count', 'follows_count', 'media_count', 'status', 'token_enc', 'token_expires_at', 'token_refreshed_at', 'granted_scopes',
  'connected_by', 'last_sync_at', 'last_sync_error', 'backfilled_at', 'created_at', 'updated_at']
  .map((c) => `a.${c} as "${c.replace(/_([a-z])/g, (_, l) => l.toUpperCase())}"`).join(', ');
const listSql = `select c.n as "liveCount", a.*
  from (select count(*)::int as n from "${schema}".instagram_accounts where status <> 'disconnected') c
  left join lateral (select ${ACCOUNT_COLUMNS} from "${schema}".instagram_accounts a where a.status <> 'disconnected' and (true)) a on true
  order by a."createdAt" asc`;
app.get('/accounts', async () => {
  const { rows } = await pool.query(listSql);
  return {
    data: rows.filter((a) => a.id !== null).map((a) => ({
      id: a.id, kind: a.kind, igUserId: a.igUserId, username: a.username, name: a.name, profilePictureUrl: a.profilePictureUrl,
      followersCount: a.followersCount, followsCount: a.followsCount, mediaCount: a.mediaCount, status: a.status,
      lastSyncAt: a.lastSyncAt ? new Date(a.lastSyncAt).toISOString() : null, lastSyncError: a.lastSyncError,
      missingScopes: [], featuresNeedingReconnect: [], createdAt: new Date(a.createdAt).toISOString(),
    })),
    limit: { used: rows[0].liveCount, max: 50 },
  };
});
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: app.server.address().port });
