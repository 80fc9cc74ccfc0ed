// One HTTP route of the store server's API, declared once: method, path, who
// may call it, and the shapes of what goes in and comes out. The server
// registers its handlers from these declarations (shared/src/node/http/
// register-routes.ts), the typed client calls through them (api-client.ts),
// and the OpenAPI document is generated from them (openapi.ts).
import { z } from 'zod';
import { AppName, type DeviceRole } from '../device-api';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export const StaffRole = z.enum(['staff', 'manager', 'expert', 'editor', 'publisher', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * Who may call a route; checked before a byte of the body is read.
 * - `public`: anyone (the route may check more itself, e.g. loopback only).
 * - `device`: an enrolled device (Bearer <id>.<secret>, or Basic for a sensor that can
 *   only send a user and password), active unless `pending` is allowed; a screen unless
 *   `roles` names others (a measuring station, a people counter).
 * - `staff`: a signed-in user with one of `roles` (none listed: any role);
 *   the store's admin token passes every staff check.
 * - `admin`: the store's admin token only.
 * - `device-or-admin`: an active screen, or the admin token.
 * - `device-or-staff`: an active device, else a signed-in user with one of `roles`
 *   (any signed-in staff when there are none; the admin token too).
 */
export type RouteAuth =
  | { kind: 'public' }
  | { kind: 'device'; pending?: boolean; roles?: readonly DeviceRole[] }
  | { kind: 'staff'; roles: readonly StaffRole[] }
  | { kind: 'admin' }
  | { kind: 'device-or-admin' }
  | { kind: 'device-or-staff'; roles: readonly StaffRole[] };

export const anyone = { kind: 'public' } as const;
export const admin = { kind: 'admin' } as const;
export const deviceOrAdmin = { kind: 'device-or-admin' } as const;
export const device = (options: { pending?: boolean; roles?: readonly DeviceRole[] } = {}) =>
  ({ kind: 'device', ...options }) as const;
/** The devices a `device` route serves when it names none: the screens. */
export const SCREEN_ROLES: readonly DeviceRole[] = AppName.options;
export const staff = <const R extends readonly StaffRole[]>(...roles: R) =>
  ({ kind: 'staff', roles }) as const;
export const deviceOrStaff = <const R extends readonly StaffRole[]>(...roles: R) =>
  ({ kind: 'device-or-staff', roles }) as const;

/** The bytes a client uploads (a photo, a media file). */
export type UploadData = NonNullable<RequestInit['body']>;

/** A body the route streams itself (uploads): never parsed as JSON, capped at `limit`. */
export type UploadBody = { upload: { limit: number; types: readonly string[] } };

/**
 * What a route answers: JSON of a schema (with `status`, 200 by default), 204
 * with no body (`'empty'`), or bytes of a media type the handler writes itself
 * (CSV, images, an event stream, HTML).
 */
export type RouteResponse = z.ZodType | 'empty' | { raw: string };

export type RouteDef = {
  method: HttpMethod;
  /** Express-style, after the API prefix: `/fleet/:id/name`. */
  path: string;
  summary: string;
  auth: RouteAuth;
  params?: z.ZodType<Record<string, string>, Record<string, string>>;
  query?: z.ZodType<object, Record<string, unknown>>;
  /** A JSON body's schema, or an upload the handler streams. */
  body?: z.ZodType | UploadBody;
  /** The most body bytes read; defaults: 16 KiB of JSON, 1 KiB when there is no body. */
  limit?: number;
  response: RouteResponse;
  status?: 200 | 201 | 202;
};

/** Keeps a route's literal types (auth kind, roles, schemas) for the server and client. */
export const route = <const R extends RouteDef>(definition: R): R => definition;

/** Routes of one domain, by name: `fleet.rename`. */
export type RouteGroup = Record<string, RouteDef>;
export type RouteTable = Record<string, RouteGroup>;

const isSchema = (value: unknown): value is z.ZodType =>
  typeof value === 'object' && value !== null && '_zod' in value;
export const isUpload = (body: RouteDef['body']): body is UploadBody =>
  body !== undefined && !isSchema(body);
export const isJsonResponse = (response: RouteResponse): response is z.ZodType =>
  isSchema(response);

const KiB = 1024;
/** Routes that take no body still accept a small one (`{}`), and no more. */
export const NO_BODY_LIMIT = 1 * KiB;
/** Small JSON: what a form or a command needs. */
export const SMALL_JSON_LIMIT = 16 * KiB;

/** How many body bytes a route reads at most. */
export function bodyLimit(definition: RouteDef): number {
  if (definition.limit !== undefined) return definition.limit;
  if (isUpload(definition.body)) return definition.body.upload.limit;
  return definition.body === undefined ? NO_BODY_LIMIT : SMALL_JSON_LIMIT;
}

/** Input types as the client writes them (before defaults and coercions). */
type In<S> = S extends z.ZodType ? z.input<S> : undefined;
/** Output types as the server's handler receives them. */
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ParamsOf<R extends RouteDef> = Out<R['params']>;
export type QueryOf<R extends RouteDef> = Out<R['query']>;
export type BodyOf<R extends RouteDef> = R['body'] extends z.ZodType
  ? z.output<R['body']>
  : undefined;
/** What the handler returns for a JSON route (before the schema's transforms). */
export type ReplyOf<R extends RouteDef> = R['response'] extends z.ZodType
  ? z.input<R['response']>
  : void;
/** What the client gets back from a JSON route. */
export type AnswerOf<R extends RouteDef> = R['response'] extends z.ZodType
  ? z.output<R['response']>
  : R['response'] extends 'empty'
    ? void
    : Response;

/** A part of the call: absent when the route has none, optional when all its fields are. */
type Field<K extends string, T> = [T] extends [undefined]
  ? { [P in K]?: undefined }
  : Record<never, never> extends T
    ? { [P in K]?: T }
    : { [P in K]: T };
/** What a client passes to call a route: only the parts the route has. */
export type CallInput<R extends RouteDef> = Field<'params', In<R['params']>> &
  Field<'query', In<R['query']>> &
  Field<
    'body',
    R['body'] extends z.ZodType
      ? z.input<R['body']>
      : R['body'] extends UploadBody
        ? UploadData
        : undefined
  > & { contentType?: string };

/** `/fleet/:id/name` with `{ id: 'a b' }` → `/fleet/a%20b/name`. */
export function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

/** A query object as a search string, skipping undefined values; '' when empty. */
export function queryString(query: object | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
