import type { z } from 'zod';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses anything that crossed a boundary; never throws, explains what was wrong. */
export function parseUnknown<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  return { ok: false, error: issues.join('; ') };
}

/** Parses a JSON text (an MQTT payload, a stored value) then validates it. */
export function parseJson<S extends z.ZodType>(schema: S, text: string): Result<z.infer<S>> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `invalid JSON: ${(error as Error).message}` };
  }
  return parseUnknown(schema, data);
}
