/** The longest address SMTP can carry (RFC 5321 path limit less the angle brackets). */
const MAX_EMAIL_LENGTH = 254;

/**
 * A deliberately plain test for "this cell holds an email address": exactly one `@`, a
 * non-empty local part, a domain with at least one dot and no empty label, no whitespace
 * anywhere, at most 254 characters. It does not try to follow RFC 5322 (quoted local
 * parts, IP literals): Genesys search is the real judge, this only keeps obvious junk
 * (names, blanks, "n/a") out of the lookups and marks it `invalid-email`.
 */
export function isEmailAddress(value: string): boolean {
  if (value.length === 0 || value.length > MAX_EMAIL_LENGTH || /\s/u.test(value)) {
    return false;
  }

  const parts = value.split('@');
  if (parts.length !== 2) {
    return false;
  }

  const [local = '', domain = ''] = parts;
  const labels = domain.split('.');
  return local.length > 0 && labels.length > 1 && labels.every((label) => label !== '');
}

/**
 * The key two cells are compared by: trimmed and lower-cased. Genesys matches emails
 * without regard to case, so `Ann@X.com` and `ann@x.com ` are the same leaver.
 */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}
