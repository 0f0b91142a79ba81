/** Reads username and password from a sign-in style form and clears the password field at once. */
export function takeCredentials(form: HTMLFormElement): { username: string; password: string } {
  const fields = new FormData(form);
  const passwordInput = form.elements.namedItem('password');
  if (passwordInput instanceof HTMLInputElement) passwordInput.value = '';
  return { username: String(fields.get('username') ?? ''), password: String(fields.get('password') ?? '') };
}
