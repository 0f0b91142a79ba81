import { describe, expect, it } from 'vitest';
import { createLocationRequest, createUserRequest, updateLocationRequest } from '../../shared/desk-api.ts';
import { isValidUsername } from '../../server/auth/usernames.ts';
import { locationNameProblem, normalisedUsername, passwordProblem, payseraIdProblem, usernameProblem } from '../../web/admin-rules.ts';

/** The forms' own checks must let through exactly what the server accepts, or a valid entry could never be sent. */
describe('the admin forms’ checks agree with the server’s rules', () => {
  it('usernames, as the server normalises and checks them', () => {
    for (const input of ['ona', ' Ona ', 'a.b_c-9', 'x', 'a'.repeat(32), 'a'.repeat(33), 'o na', 'ąžuolas', '', '..']) {
      expect(usernameProblem(input) === null, input).toBe(isValidUsername(normalisedUsername(input)));
    }
  });

  it('passwords, as the shared schema checks them', () => {
    for (const password of ['', 'nine char', 'ten chars!', 'x'.repeat(256), 'x'.repeat(257)]) {
      const valid = createUserRequest.safeParse({ username: 'ona', role: 'cashier', password }).success;
      expect(passwordProblem(password) === null, `${password.length} characters`).toBe(valid);
    }
  });

  it('location names and Paysera ids, as the shared schemas check them', () => {
    for (const name of ['Shop', '  Shop  ', '', '   ', 'n'.repeat(80), 'n'.repeat(81)]) {
      expect(locationNameProblem(name) === null, name).toBe(createLocationRequest.safeParse({ name }).success);
    }
    for (const id of ['bag-3', ' bag-3 ', 'bag 3', 'vietaė', 'p'.repeat(64), 'p'.repeat(65)]) {
      expect(payseraIdProblem(id) === null, id).toBe(updateLocationRequest.safeParse({ payseraLocationId: id }).success);
    }
    expect(payseraIdProblem('')).toBeNull();
  });
});
