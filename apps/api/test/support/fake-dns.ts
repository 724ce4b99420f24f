import { createSocket, type Socket } from 'node:dgram';

/**
 * A tiny authoritative DNS responder over UDP (RFC 1035 wire format) for TXT and CNAME, so
 * verification tests talk real DNS to 127.0.0.1:<port>. Records can change while it runs.
 */
export interface FakeDns {
  server: string;
  records: Map<string, { TXT?: string[]; CNAME?: string }>;
  queries: number;
  close(): Promise<void>;
}

const TYPES = { CNAME: 5, TXT: 16 } as const;

function readName(msg: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let i = offset;
  while (msg[i]! > 0) {
    const len = msg[i]!;
    labels.push(msg.toString('ascii', i + 1, i + 1 + len));
    i += len + 1;
  }
  return { name: labels.join('.').toLowerCase(), end: i + 1 };
}

function encodeName(name: string): Buffer {
  return Buffer.concat([...name.split('.').filter(Boolean).map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'ascii')])), Buffer.from([0])]);
}

function answer(type: number, rdata: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0xc00c, 0); // pointer to the question's name
  head.writeUInt16BE(type, 2);
  head.writeUInt16BE(1, 4);
  head.writeUInt32BE(0, 6); // TTL 0: every lookup sees the current records
  head.writeUInt16BE(rdata.length, 10);
  return Buffer.concat([head, rdata]);
}

export async function startFakeDns(): Promise<FakeDns> {
  const records: FakeDns['records'] = new Map();
  const socket: Socket = createSocket('udp4');
  const state: FakeDns = {
    server: '',
    records,
    queries: 0,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
  socket.on('message', (msg, rinfo) => {
    state.queries++;
    const { name, end } = readName(msg, 12);
    const qtype = msg.readUInt16BE(end);
    const entry = records.get(name);
    const answers: Buffer[] = [];
    if (entry && qtype === TYPES.TXT) for (const txt of entry.TXT ?? []) answers.push(answer(TYPES.TXT, Buffer.concat([Buffer.from([Buffer.byteLength(txt)]), Buffer.from(txt)])));
    if (entry?.CNAME && (qtype === TYPES.CNAME || qtype === TYPES.TXT)) {
      if (qtype === TYPES.CNAME) answers.push(answer(TYPES.CNAME, encodeName(entry.CNAME)));
    }
    const header = Buffer.alloc(12);
    header.writeUInt16BE(msg.readUInt16BE(0), 0);
    header.writeUInt16BE(0x8400 | (msg.readUInt16BE(2) & 0x0100) | (entry ? 0 : 3), 2); // QR, AA, RD echoed, NXDOMAIN if unknown
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    const question = msg.subarray(12, end + 4);
    socket.send(Buffer.concat([header, question, ...answers]), rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  state.server = `127.0.0.1:${socket.address().port}`;
  return state;
}
