/** HTTPS mode: a self-signed certificate made at start, so a client's TLS costs can be measured. */
import { generate } from 'selfsigned';

export interface TlsIdentity {
  key: string;
  /** PEM; what a client must trust (the service: SOISY_CA_FILE). */
  cert: string;
}

/** Valid for `localhost`, 127.0.0.1 and ::1 (and `host` if it is another name), for one year. */
export async function selfSignedIdentity(host: string): Promise<TlsIdentity> {
  const names = new Set(['localhost', host].filter((name) => name && !/^[\d.:[\]]+$/.test(name)));
  const pems = await generate([{ name: 'commonName', value: 'soisy-emulator' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      {
        name: 'subjectAltName',
        altNames: [...[...names].map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: '127.0.0.1' }, { type: 7 as const, ip: '::1' }],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
