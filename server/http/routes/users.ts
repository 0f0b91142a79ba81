import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { type Account, createUserRequest, updateUserRequest, type userResponse, type UsersResponse } from '../../../shared/desk-api.ts';
import { AccountError, type Accounts, type AccountSummary } from '../../auth/accounts.ts';
import { isValidUsername, normaliseUsername } from '../../auth/usernames.ts';
import type { AppEnv } from '../env.ts';
import { errorResponse } from '../errors.ts';
import { jsonBody } from '../json-body.ts';
import { currentUser, requireRole } from '../session.ts';

/** Accounts over HTTP (design §3.1), for admins: the CLI's changes, audited as the admin signed in. */

const accountJson = (summary: AccountSummary): Account => ({ ...summary, createdAt: new Date(summary.createdAt).toISOString() });

type UserResponse = z.infer<typeof userResponse>;

const noSuchUser = 'There is no user by that name.';

/** The accounts' refusals in the one error shape; the username the client sent is not repeated. */
function refused(c: Context, error: unknown): Response {
  if (!(error instanceof AccountError)) throw error;
  if (error.refusal === 'unknown-user') return errorResponse(c, 'NOT_FOUND', noSuchUser);
  if (error.refusal === 'taken') return errorResponse(c, 'INVALID_INPUT', 'That username is already taken; choose another.');
  return errorResponse(c, 'INVALID_INPUT', error.message);
}

export function userRoutes(accounts: Accounts): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireRole('admin'));

  routes.get('/', async (c) => {
    const body: UsersResponse = { users: (await accounts.list()).map(accountJson) };
    return c.json(body);
  });

  routes.post('/', jsonBody(createUserRequest), async (c) => {
    const { username, role, password } = c.get('body');
    try {
      const body: UserResponse = { user: accountJson(await accounts.add(username, role, password, currentUser(c).username)) };
      return c.json(body, 201);
    } catch (error) {
      return refused(c, error);
    }
  });

  routes.patch('/:username', jsonBody(updateUserRequest), async (c) => {
    const username = normaliseUsername(c.req.param('username'));
    if (!isValidUsername(username)) return errorResponse(c, 'NOT_FOUND', noSuchUser);
    try {
      const body: UserResponse = { user: accountJson(await accounts.update(username, c.get('body'), currentUser(c).username)) };
      return c.json(body);
    } catch (error) {
      return refused(c, error);
    }
  });

  return routes;
}
