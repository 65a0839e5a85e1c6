import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { requireBinary } from './binaries.js';

const run = promisify(execFile);

export interface KeyPair {
  keyPath: string;
  certPath: string;
  key: string;
  cert: string;
}

/**
 * A fresh P-256 key and self-signed certificate made with openssl at test time (node:crypto cannot issue
 * X.509 certificates). The certificate names 127.0.0.1 so it can also serve loopback TLS.
 */
export async function selfSignedCert(dir: string, name: string): Promise<KeyPair> {
  requireBinary('openssl');
  const keyPath = path.join(dir, `${name}.key`);
  const certPath = path.join(dir, `${name}.crt`);
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    `/CN=${name}`,
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout',
    keyPath,
    '-out',
    certPath,
  ]);
  return { keyPath, certPath, key: await readFile(keyPath, 'utf8'), cert: await readFile(certPath, 'utf8') };
}
