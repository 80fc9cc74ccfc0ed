// The route table as an OpenAPI 3.1 document, for a chain's own systems
// (served at GET /api/v1/openapi.json, shown in the console at /console/api.html).
// OpenAPI 3.1 schemas are JSON Schema, which zod writes itself (z.toJSONSchema):
// requests as they are sent (before defaults), answers as they arrive.
import { z } from 'zod';
import { ApiError } from '../device-api';
import { API_PREFIX } from './api-client';
import {
  bodyLimit,
  isJsonResponse,
  isUpload,
  type RouteAuth,
  type RouteDef,
  type RouteTable,
} from './route';

type JsonSchema = Record<string, unknown>;
const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  // The document states the dialect once (OpenAPI 3.1 is JSON Schema 2020-12).
  delete json.$schema;
  return json;
};

const SECURITY: Record<RouteAuth['kind'], { [scheme: string]: string[] }[]> = {
  public: [],
  device: [{ device: [] }],
  staff: [{ staff: [] }, { admin: [] }],
  admin: [{ admin: [] }],
  'device-or-admin': [{ device: [] }, { admin: [] }],
  'device-or-staff': [{ device: [] }, { staff: [] }, { admin: [] }],
};

function whoMayCall(auth: RouteAuth): string {
  switch (auth.kind) {
    case 'public':
      return 'anyone';
    case 'device':
      return `${auth.pending ? 'an enrolled device, even before approval' : 'an approved device'}${
        auth.roles ? ` (${auth.roles.join(', ')})` : ' (a screen)'
      }`;
    case 'staff':
      return auth.roles.length
        ? `staff with a role of: ${auth.roles.join(', ')}`
        : 'any signed-in staff';
    case 'admin':
      return "the store's admin token";
    case 'device-or-admin':
      return "an approved device or the store's admin token";
    case 'device-or-staff':
      return auth.roles.length > 0
        ? `an approved device, or staff with a role of: ${auth.roles.join(', ')}`
        : 'an approved device or any signed-in staff';
  }
}

function parametersOf(definition: RouteDef): JsonSchema[] {
  const from = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return [];
    const json = schemaOf(schema, 'input');
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required ?? []) as string[]);
    return Object.entries(properties).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || required.has(name),
      schema: property,
    }));
  };
  return [...from(definition.params, 'path'), ...from(definition.query, 'query')];
}

function requestBodyOf(definition: RouteDef): JsonSchema | undefined {
  const body = definition.body;
  if (body === undefined) return undefined;
  if (isUpload(body)) {
    return {
      required: true,
      description: `Raw bytes, at most ${body.upload.limit} bytes.`,
      content: Object.fromEntries(
        body.upload.types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
      ),
    };
  }
  return {
    required: true,
    description: `JSON, at most ${bodyLimit(definition)} bytes.`,
    content: { 'application/json': { schema: schemaOf(body, 'input') } },
  };
}

function responsesOf(definition: RouteDef): JsonSchema {
  const refusal = {
    description: 'Refused: { error: { code, message } } (400 invalid, 401, 403, 404, 409, 413…)',
    content: { 'application/json': { schema: schemaOf(ApiError, 'output') } },
  };
  const { response } = definition;
  const success = isJsonResponse(response)
    ? {
        [String(definition.status ?? 200)]: {
          description: 'OK',
          content: { 'application/json': { schema: schemaOf(response, 'output') } },
        },
      }
    : response === 'empty'
      ? { '204': { description: 'Done, nothing to say' } }
      : { '200': { description: 'OK', content: { [response.raw]: {} } } };
  return { ...success, default: refusal };
}

const LOCAL_REF = /^#\/\$defs\/(.+)$/;

/**
 * A recursive type (a report message holding its cause) makes zod write
 * `$defs` with `#/$defs/…` refs inside a route's schema, which would resolve
 * against the document's root. They move to `components.schemas`, one per
 * distinct definition, and the refs follow.
 */
function hoistDefs(
  node: unknown,
  schemas: Record<string, JsonSchema>,
  names: Map<string, string>,
): unknown {
  if (Array.isArray(node)) return node.map((item): unknown => hoistDefs(item, schemas, names));
  if (node === null || typeof node !== 'object') return node;
  const { $defs, ...rest } = node as JsonSchema;
  const local = new Map<string, string>();
  const defs = Object.entries(($defs ?? {}) as Record<string, JsonSchema>);
  for (const [name, def] of defs) {
    const text = JSON.stringify(def);
    const known = names.get(text) ?? (name.startsWith('__') ? `Schema${names.size}` : name);
    names.set(text, known);
    local.set(name, known);
  }
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        const named = key === '$ref' && typeof inner === 'string' && LOCAL_REF.exec(inner)?.[1];
        const target = named ? local.get(named) : undefined;
        return [key, target ? `#/components/schemas/${target}` : rewrite(inner)];
      }),
    );
  };
  for (const [name, def] of defs)
    schemas[local.get(name)!] = hoistDefs(rewrite(def), schemas, names) as JsonSchema;
  return Object.fromEntries(
    Object.entries(rewrite(rest) as JsonSchema).map(([key, value]) => [
      key,
      hoistDefs(value, schemas, names),
    ]),
  );
}

/** The OpenAPI 3.1 document of a route table. */
export function openApiDocument(table: RouteTable, info: { title: string; version: string }) {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [group, routes] of Object.entries(table)) {
    for (const [name, definition] of Object.entries(routes)) {
      const path = `${API_PREFIX}${definition.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
      const requestBody = requestBodyOf(definition);
      paths[path] = {
        ...paths[path],
        [definition.method.toLowerCase()]: {
          operationId: `${group}.${name}`,
          tags: [group],
          summary: definition.summary,
          description: `Who may call: ${whoMayCall(definition.auth)}.`,
          security: SECURITY[definition.auth.kind],
          'x-vitrine-auth': definition.auth,
          parameters: parametersOf(definition),
          ...(requestBody ? { requestBody } : {}),
          responses: responsesOf(definition),
        },
      };
    }
  }
  const schemas: Record<string, JsonSchema> = {};
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        "A Vitrine store server's HTTP API. Generated from the route table " +
        '(shared/src/core/http), the same declarations the server and its clients use.',
    },
    tags: Object.keys(table).map((name) => ({ name })),
    paths: hoistDefs(paths, schemas, new Map()) as typeof paths,
    components: {
      schemas,
      securitySchemes: {
        device: { type: 'http', scheme: 'bearer', bearerFormat: '<deviceId>.<secret>' },
        staff: {
          type: 'http',
          scheme: 'bearer',
          description: 'A session token from POST /auth/login',
        },
        admin: { type: 'http', scheme: 'bearer', description: "The store's admin token" },
      },
    },
  };
}
