// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Screen } from '../../../web/flow.ts';
import { passwordAlphabet } from '../../../web/password-generator.ts';
import { AccountsScreen } from '../../../web/screens/admin-accounts.tsx';
import { startAdminApi } from './admin-api-server.ts';
import { mount } from './render.ts';

let api: Awaited<ReturnType<typeof startAdminApi>>;
let screen: ReturnType<typeof mount>;
const shown: Screen[] = [];
const admin = { username: 'root', role: 'admin' } as const;

beforeAll(async () => {
  api = await startAdminApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  shown.length = 0;
  api.accounts.set('root', { username: 'root', role: 'admin', disabled: false, createdAt: '2026-11-30T09:00:00.000Z' });
  api.accounts.set('ona', { username: 'ona', role: 'cashier', disabled: false, createdAt: '2026-11-30T09:00:00.000Z' });
});
afterEach(() => screen.unmount());

async function open() {
  screen = mount(<AccountsScreen user={admin} show={(next) => shown.push(next)} />);
  await vi.waitFor(() => expect(screen.has('account-row-ona')).toBe(true));
}

function type(id: string, value: string) {
  const input = screen.byTestId<HTMLInputElement>(id);
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function choose(id: string, value: string) {
  const select = screen.byTestId<HTMLSelectElement>(id);
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Waits for the screen to settle after a request: the list again, with the notice of what was done. */
async function noticeShown(): Promise<string> {
  await vi.waitFor(() => expect(screen.has('admin-notice')).toBe(true));
  await vi.waitFor(() => expect(screen.has('account-row-ona')).toBe(true));
  return screen.byTestId('admin-notice').textContent ?? '';
}

describe('accounts screen', () => {
  it('lists every account with its role, marking the disabled ones, and goes back to settings', async () => {
    api.accounts.set('old', { username: 'old', role: 'supervisor', disabled: true, createdAt: '2026-11-30T09:00:00.000Z' });
    await open();
    const cells = (username: string) => [...screen.byTestId(`account-row-${username}`).querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells('ona')).toEqual(['ona', 'Cashier']);
    expect(cells('old')).toEqual(['oldDisabled', 'Supervisor']);
    expect(cells('root')).toEqual(['root', 'Administrator']);
    screen.click(screen.container.querySelector<HTMLButtonElement>('.back') as HTMLButtonElement);
    expect(shown).toEqual([{ name: 'settings' }]);
  });

  it('adds an account with a password generated on the device, sends it once and shows it once', async () => {
    await open();
    screen.click(screen.byTestId('accounts-add'));
    type('accounts-new-username', '  Petras ');
    choose('accounts-new-role', 'supervisor');
    screen.click(screen.byTestId('accounts-new-submit'));
    await vi.waitFor(() => expect(screen.has('new-password')).toBe(true));

    const [request] = api.changes();
    if (!request) throw new Error('no request was sent');
    const sent = request.body as { username: string; role: string; password: string };
    expect(request).toMatchObject({ method: 'POST', url: '/api/users' });
    expect(Object.keys(sent).sort()).toEqual(['password', 'role', 'username']);
    expect(sent).toMatchObject({ username: 'petras', role: 'supervisor' });
    expect(sent.password).toHaveLength(20);
    expect([...sent.password].every((character) => passwordAlphabet.includes(character))).toBe(true);
    expect(screen.byTestId('new-password').textContent).toBe(sent.password);

    screen.click(screen.byTestId('new-password-done'));
    expect(await noticeShown()).toBe('Account petras created.');
    expect(screen.container.innerHTML).not.toContain(sent.password);
    expect(screen.has('account-row-petras')).toBe(true);
  });

  it('puts a shown password away on Back too, with the notice of what was done', async () => {
    await open();
    screen.click(screen.byTestId('account-open-ona'));
    screen.click(screen.byTestId('accounts-reset-submit'));
    await vi.waitFor(() => expect(screen.has('new-password')).toBe(true));
    const password = screen.byTestId('new-password').textContent ?? '';
    screen.click(screen.container.querySelector<HTMLButtonElement>('.back') as HTMLButtonElement);
    expect(await noticeShown()).toBe('New password set for ona; ona is signed out everywhere.');
    expect(screen.container.innerHTML).not.toContain(password);
    expect(shown).toEqual([]);
  });

  it('sends a typed password as typed, clears its field and shows nothing afterwards', async () => {
    await open();
    screen.click(screen.byTestId('accounts-add'));
    type('accounts-new-username', 'jonas');
    screen.click(screen.byTestId('accounts-new-type'));
    type('accounts-new-password', 'a typed secret');
    screen.click(screen.byTestId('accounts-new-submit'));
    expect(await noticeShown()).toBe('Account jonas created.');
    expect(api.changes().map((request) => request.body)).toEqual([{ username: 'jonas', role: 'cashier', password: 'a typed secret' }]);
    expect(screen.container.innerHTML).not.toContain('a typed secret');
  });

  it('names the problem beside the field and sends nothing for a bad username or a short password', async () => {
    await open();
    screen.click(screen.byTestId('accounts-add'));
    type('accounts-new-username', 'x');
    screen.click(screen.byTestId('accounts-new-type'));
    type('accounts-new-password', 'short');
    screen.click(screen.byTestId('accounts-new-submit'));
    expect(screen.byTestId('accounts-new-username-problem').textContent).toContain('2 to 32 characters');
    expect(screen.byTestId('accounts-new-password-problem').textContent).toBe('At least 10 characters.');
    expect(screen.byTestId('accounts-new-username').getAttribute('aria-invalid')).toBe('true');
    expect(screen.byTestId('accounts-new-username').getAttribute('aria-describedby')).toContain('accounts-new-username-problem');
    expect(screen.byTestId<HTMLInputElement>('accounts-new-password').value).toBe('');
    await act(async () => undefined);
    expect(api.changes()).toEqual([]);
  });

  it('shows the server’s refusal through the error catalogue and stays on the form', async () => {
    await open();
    screen.click(screen.byTestId('accounts-add'));
    type('accounts-new-username', 'ona');
    api.refuseNext({ method: 'POST', status: 400, code: 'INVALID_INPUT', message: 'The user "ona" already exists.' });
    screen.click(screen.byTestId('accounts-new-submit'));
    await vi.waitFor(() => expect(screen.has('inline-error')).toBe(true));
    expect(screen.byTestId('inline-error').dataset.errorCode).toBe('INVALID_INPUT');
    expect(screen.byTestId('inline-error').textContent).toContain('The user "ona" already exists.');
    expect(screen.has('accounts-new-submit')).toBe(true);
    expect(screen.has('new-password')).toBe(false);
  });

  it('changes a role, sending only the role', async () => {
    await open();
    screen.click(screen.byTestId('account-open-ona'));
    const submit = () => screen.byTestId<HTMLButtonElement>('accounts-edit-role-submit');
    expect(submit().disabled).toBe(true);
    choose('accounts-edit-role', 'supervisor');
    expect(submit().disabled).toBe(false);
    screen.click(submit());
    expect(await noticeShown()).toBe('ona is now: Supervisor.');
    expect(api.changes()).toEqual([{ method: 'PATCH', url: '/api/users/ona', body: { role: 'supervisor' } }]);
  });

  it('resets a password with a generated one, says it signs the account out, and shows the new one once', async () => {
    await open();
    screen.click(screen.byTestId('account-open-ona'));
    expect(screen.byTestId('account-edit').textContent).toContain('A new password signs ona out on every device.');
    screen.click(screen.byTestId('accounts-reset-submit'));
    await vi.waitFor(() => expect(screen.has('new-password')).toBe(true));
    const [request] = api.changes();
    if (!request) throw new Error('no request was sent');
    const { password } = request.body as { password: string };
    expect(request).toMatchObject({ method: 'PATCH', url: '/api/users/ona' });
    expect(Object.keys(request.body as object)).toEqual(['password']);
    expect(screen.byTestId('new-password').textContent).toBe(password);
    screen.click(screen.byTestId('new-password-done'));
    expect(await noticeShown()).toBe('New password set for ona; ona is signed out everywhere.');
  });

  it('disables only after a confirmation that says it signs the account out everywhere', async () => {
    await open();
    screen.click(screen.byTestId('account-open-ona'));
    screen.click(screen.byTestId('accounts-disable'));
    expect(screen.byTestId('accounts-disable-confirm').textContent).toContain('signs ona out on every device at once');
    screen.click(screen.byTestId('accounts-disable-no'));
    expect(screen.has('accounts-disable-confirm')).toBe(false);
    await act(async () => undefined);
    expect(api.changes()).toEqual([]);

    screen.click(screen.byTestId('accounts-disable'));
    screen.click(screen.byTestId('accounts-disable-yes'));
    expect(await noticeShown()).toBe('ona is disabled and signed out everywhere.');
    expect(api.changes()).toEqual([{ method: 'PATCH', url: '/api/users/ona', body: { disabled: true } }]);
    expect(screen.byTestId('account-row-ona').textContent).toContain('Disabled');

    screen.click(screen.byTestId('account-open-ona'));
    screen.click(screen.byTestId('accounts-enable'));
    expect(await noticeShown()).toBe('ona can sign in again.');
    expect(api.changes().at(-1)).toEqual({ method: 'PATCH', url: '/api/users/ona', body: { disabled: false } });
  });

  it('offers the administrator no role change or disable of their own account, only a new password', async () => {
    await open();
    screen.click(screen.byTestId('account-open-root'));
    expect(screen.has('accounts-edit-role')).toBe(false);
    expect(screen.has('accounts-disable')).toBe(false);
    expect(screen.has('accounts-reset-submit')).toBe(true);
  });
});
