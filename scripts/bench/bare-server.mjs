// The baseline for `GET /api/auth/me`: a bare Fastify route doing the same single-row query on the
// same database, with a pg pool of the same size. Run as its own process, like the API.
import Fastify from 'fastify';
import pg from 'pg';

const [, , databaseUrl, schema, userId, poolSize] = process.argv;
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(poolSize) });
const app = Fastify();
app.get('/me', async () => {
  const { rows } = await pool.query(`select id, email, name, role, email_verified_at, created_at from "${schema}".users where id = $1`, [userId]);
  return { user: rows[0] };
});
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: app.server.address().port });
