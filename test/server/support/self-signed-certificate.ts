import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface CertificateFiles {
  certFile: string;
  keyFile: string;
}

/**
 * A one-day P-256 certificate for 127.0.0.1, written as PEM files into `dir`, for the HTTPS tests.
 * Without openssl this throws instead of letting the tests skip: HTTPS is what a phone's camera
 * needs, so a CI that cannot check it must fail (`.ci/run` installs openssl).
 */
export function selfSignedCertificate(dir: string): CertificateFiles {
  const files = { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') };
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', files.keyFile, '-out', files.certFile,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing ? 'openssl is not installed; the HTTPS tests need it (apt-get install openssl)' : `openssl could not make a test certificate: ${String(error)}`);
  }
  return files;
}
