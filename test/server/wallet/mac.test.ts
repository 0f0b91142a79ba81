import { describe, expect, it } from 'vitest';
import { bodyHash, buildExt, macOf, normalizedString, parseMacHeader, signRequest, splitUrl } from '../../../server/wallet/mac.ts';

// Published vectors from ../shared/wallet-api.md §2.10, reproduced byte for byte.
const key = 'IrdTc8uQodU7PRpLzzLTW6wqZAO6tAMU';
const clientId = 'wkVd93h2uS';
const nonce = 'nQnNaSNyubfPErjRO55yaaEYo9YZfKHN';

describe('signRequest reproduces the published vectors', () => {
  it('V1: GET without body', () => {
    const url = 'https://wallet.paysera.com/rest/v1/payment/10145';
    const { requestUri, host, port } = splitUrl(url);
    expect(normalizedString({ ts: 1343811600, nonce, method: 'GET', requestUri, host, port, ext: '' })).toBe(
      '1343811600\nnQnNaSNyubfPErjRO55yaaEYo9YZfKHN\nGET\n/rest/v1/payment/10145\nwallet.paysera.com\n443\n\n',
    );
    expect(signRequest({ method: 'GET', url, clientId, macKey: key, ts: 1343811600, nonce })).toBe(
      `MAC id="wkVd93h2uS", ts="1343811600", nonce="${nonce}", mac="/qxTA8FOgT0Dd0MHh9k/sUQ3Q38ckx8+S0PBxpIuttY="`,
    );
  });

  it('V3: form body, URL-encoded body_hash in ext', () => {
    const body = 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=http%3A%2F%2Flocalhost%2Fabc';
    expect(buildExt(body)).toBe('body_hash=IftzxAtYliLQx46c2JAPidlHKqck0OXD7KmsHNnSptU%3D');
    const header = signRequest({ method: 'post', url: 'https://wallet.paysera.com/wallet/oauth/v1/', body, clientId, macKey: key, ts: 1343818800, nonce });
    expect(header).toBe(
      `MAC id="wkVd93h2uS", ts="1343818800", nonce="${nonce}", mac="YEIWoGDeREjJNh+IplpTcCLRNASTAMgFqa540igFcaY=", ext="body_hash=IftzxAtYliLQx46c2JAPidlHKqck0OXD7KmsHNnSptU%3D"`,
    );
  });

  it('V3 with the raw base64 in ext gives the documented wrong mac', () => {
    const ns = normalizedString({
      ts: 1343818800, nonce, method: 'POST', requestUri: '/wallet/oauth/v1/', host: 'wallet.paysera.com', port: 443,
      ext: 'body_hash=IftzxAtYliLQx46c2JAPidlHKqck0OXD7KmsHNnSptU=',
    });
    expect(macOf(ns, key)).toBe('XCBj4n1afn0EUzVsgz8jyOuJqd05Vm+1AULSdfs2RoU=');
  });

  it('V6: the pretty-printed, slash-escaped cash-out body', () => {
    const payload = {
      payments: [{ description: 'Payment for order No. 1234', price: 1299, currency: 'EUR', parameters: { orderid: 1234 } }],
      redirect_uri: 'http://www.example.com/somePage',
    };
    const body = JSON.stringify(payload, null, 4).replaceAll('/', '\\/');
    expect(bodyHash(body)).toBe('IVDvIGlLKavxtPIloqFNlAspEt1YlRL2VEGmcNjLPKg=');
    const header = signRequest({ method: 'POST', url: 'https://wallet.paysera.com/rest/v1/transaction', body, clientId, macKey: key, ts: 1343811600, nonce });
    expect(header).toContain('mac="VEXxazEcDiEls7djj12ngBiMBv3JzwJOn8+Eqd9NUx8="');
    expect(header).toContain('ext="body_hash=IVDvIGlLKavxtPIloqFNlAspEt1YlRL2VEGmcNjLPKg%3D"');
  });

  it('V10: IETF draft-01, hmac-sha-1, raw query kept verbatim, port 80', () => {
    const { requestUri, host, port } = splitUrl('http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b&c2&a3=2+q');
    expect(requestUri).toBe('/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b&c2&a3=2+q');
    const ns = normalizedString({ ts: 264095, nonce: '7d8f3e4a', method: 'POST', requestUri, host, port, ext: 'a,b,c' });
    expect(macOf(ns, '489dks293j39', 'sha1')).toBe('+txL5oOFHGYjrfdNYH5VEzROaBY=');
  });
});

describe('ext parameters and header parsing', () => {
  it('appends project and location ids after body_hash, and alone without a body', () => {
    expect(buildExt('{}', { project_id: '19019492', location_id: '7' })).toBe(
      `body_hash=${encodeURIComponent(bodyHash('{}'))}&project_id=19019492&location_id=7`,
    );
    expect(buildExt(undefined, { project_id: '1' })).toBe('project_id=1');
  });

  it('signs the loopback port of a simulator URL', () => {
    expect(splitUrl('http://127.0.0.1:4123/rest/v1/server')).toEqual({ host: '127.0.0.1', port: 4123, requestUri: '/rest/v1/server' });
  });

  it('parses what it signs and refuses what is not a MAC header', () => {
    const header = signRequest({ method: 'PUT', url: 'https://x.test/a', body: '{"a":1}', clientId: 'id1', macKey: 'k', ts: 5, nonce: 'n1', extParams: { project_id: '3' } });
    expect(parseMacHeader(header)).toEqual({ id: 'id1', ts: '5', nonce: 'n1', mac: expect.any(String), ext: `body_hash=${encodeURIComponent(bodyHash('{"a":1}'))}&project_id=3` });
    expect(parseMacHeader('Bearer abc')).toBeNull();
    expect(parseMacHeader('MAC id="a", ts="1"')).toBeNull();
    expect(parseMacHeader('MAC id="a" ts="1" nonce="n" mac="m"')).toBeNull();
    expect(parseMacHeader(undefined)).toBeNull();
  });
});
