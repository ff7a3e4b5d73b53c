/**
 * Masking of customers' personal data (个人信息) for roles that may not see it.
 * Mobile numbers keep the 3-digit carrier prefix and the last 4 digits, the common Chinese practice
 * (e.g. on bank statements): 13812345678 → 138****5678. Shorter numbers keep their last 4 digits.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (phone == null || phone === '') return phone ?? null;
  const digits = phone.replace(/\s|-/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length > 4) return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
  return '*'.repeat(digits.length);
}

/** Names keep their first character (the family name in Chinese): 张三丰 → 张**, Alice → A****. */
export function maskName(name: string | null | undefined): string | null {
  if (name == null || name === '') return name ?? null;
  const chars = Array.from(name.trim());
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** Masks the given fields of a record unless `allowed`. */
export function maskPersonal<T extends Record<string, unknown>>(
  record: T,
  allowed: boolean,
  fields: { phone?: readonly (keyof T)[]; name?: readonly (keyof T)[] },
): T {
  if (allowed) return record;
  const out: Record<string, unknown> = { ...record };
  for (const f of fields.phone ?? []) out[f as string] = maskPhone(record[f] as string | null);
  for (const f of fields.name ?? []) out[f as string] = maskName(record[f] as string | null);
  return out as T;
}
