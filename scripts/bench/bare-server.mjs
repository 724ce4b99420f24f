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
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: app.server.address().port });
