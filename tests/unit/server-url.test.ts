import { describe, expect, it } from 'vitest';
import { serverUrlProblem } from '../../extension/server-url';
import { settingsSave } from '../../extension/messaging/protocol';

describe('where a token may be sent', () => {
  it.each([
    ['https://crm.acme.example', null],
    ['http://127.0.0.1:8787', null],
    ['http://localhost:8787', null],
    ['http://[::1]:8787', null],
    ['http://crm.acme.example', 'https-required'],
    ['http://192.168.1.10:8787', 'https-required'],
    ['ftp://crm.acme.example', 'invalid'],
    ['not a url', 'invalid'],
  ])('%s', (url, problem) => {
    expect(serverUrlProblem(url)).toBe(problem);
  });

  it('the background refuses to save a plain-http remote server too', () => {
    expect(settingsSave.safeParse({ type: 'settings:save', serverUrl: 'http://crm.acme.example', token: 'pcrm_x' }).success).toBe(false);
    expect(settingsSave.safeParse({ type: 'settings:save', serverUrl: 'https://crm.acme.example', token: 'pcrm_x' }).success).toBe(true);
  });
});
