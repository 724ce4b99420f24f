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
// The baseline for `GET /api/accounts` (owner: the CASL filter is "everything"): the same two
// statements the API's repository runs (accounts.repository.ts list + countLive), the same
// columns, mapped to the same answer shape.
const ACCOUNT_COLUMNS = `a.id, a.kind, a.ig_user_id as "igUserId", a.username, a.name, a.profile_picture_url as "profilePictureUrl",
  a.followers_count as "followersCount", a.follows_count as "followsCount", a.media_count as "mediaCount", a.status,
  a.last_sync_at as "lastSyncAt", a.last_sync_error as "lastSyncError", a.granted_scopes as "grantedScopes", a.created_at as "createdAt"`;
app.get('/accounts', async () => {
  const [list, count] = await Promise.all([
    pool.query(`select ${ACCOUNT_COLUMNS} from "${schema}".instagram_accounts a where a.status <> 'disconnected' and true order by a.created_at asc`),
    pool.query(`select count(*)::int as n from "${schema}".instagram_accounts where status <> 'disconnected'`),
  ]);
  return {
    data: list.rows.map((a) => ({ ...a, lastSyncAt: a.lastSyncAt ? new Date(a.lastSyncAt).toISOString() : null, createdAt: new Date(a.createdAt).toISOString(), missingScopes: [], featuresNeedingReconnect: [] })),
    limit: { used: count.rows[0].n, max: 50 },
  };
});
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: app.server.address().port });
