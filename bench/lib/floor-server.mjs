// The floor of bench/server.bench.ts: a bare node:http + pg handler doing the same SQL as MentorKit's
// server for each case — no identity, policy, validation or JSON shaping beyond JSON.stringify.
//   node bench/lib/floor-server.mjs <postgres connection string>   → prints "listening on http://…"
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.argv[2], max: 10 });
const row = (r) => ({ ...r.data, id: r.id, revision: r.revision, updatedAt: r.updated_at });
const body = (request) =>
  new Promise((resolve) => {
    const chunks = [];
    request.on('data', (c) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

const server = http.createServer(async (request, response) => {
  const url = new URL(request.url, 'http://floor');
  const parts = url.pathname.split('/').filter(Boolean);
  try {
    if (parts[0] === 'changes') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write('retry: 1000\n: connected\n\n');
      return;
    }
    const [, collection, , id] = parts;
    if (request.method === 'GET' && id) {
      const { rows } = await pool.query('SELECT id, revision, updated_at, deleted, data FROM mk_records WHERE collection = $1 AND id = $2', [
        collection,
        decodeURIComponent(id),
      ]);
      if (!rows[0] || rows[0].deleted) return response.writeHead(404).end('{}');
      return response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(row(rows[0])));
    }
    if (request.method === 'GET') {
      const where = Object.fromEntries([...url.searchParams].map(([key, value]) => [key, JSON.parse(value)]));
      const { rows } = await pool.query(
        'SELECT id, revision, updated_at, deleted, data FROM mk_records WHERE collection = $1 AND NOT deleted AND filter @> $2::jsonb ORDER BY id',
        [collection, JSON.stringify(where)],
      );
      return response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ records: rows.map(row) }));
    }
    if (request.method === 'PUT') {
      const record = JSON.parse(await body(request));
      const expected = Number(/"(\d+)"/.exec(request.headers['if-match'] ?? '')?.[1]);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query('SELECT revision FROM mk_records WHERE collection = $1 AND id = $2 FOR UPDATE', [
          collection,
          decodeURIComponent(id),
        ]);
        if (!rows[0] || rows[0].revision !== expected) {
          await client.query('ROLLBACK');
          return response.writeHead(409).end('{}');
        }
        const { revision: _r, updatedAt: _u, ...data } = record;
        const updated = await client.query(
          'UPDATE mk_records SET revision = revision + 1, updated_at = $3, data = $4::json WHERE collection = $1 AND id = $2 RETURNING id, revision, updated_at, data',
          [collection, decodeURIComponent(id), new Date().toISOString(), JSON.stringify(data)],
        );
        await client.query('COMMIT');
        return response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(row(updated.rows[0])));
      } finally {
        client.release();
      }
    }
    response.writeHead(404).end('{}');
  } catch (error) {
    response.writeHead(500).end(JSON.stringify({ message: error.message }));
  }
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port};`));
process.on('SIGTERM', () => {
  server.close();
  void pool.end();
  process.exit(0);
});
