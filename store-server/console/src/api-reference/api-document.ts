// The parts of the OpenAPI document (meta.openApi) the API page renders,
// parsed rather than cast: a page that reads a document of another shape says
// so instead of drawing half of it.
import { z } from 'zod';

const Schema = z.record(z.string(), z.unknown());
const Content = z.record(z.string(), z.object({ schema: Schema.optional() }));

export const OperationDoc = z.object({
  operationId: z.string(),
  tags: z.array(z.string()),
  summary: z.string(),
  description: z.string(),
  parameters: z.array(
    z.object({ name: z.string(), in: z.string(), required: z.boolean(), schema: Schema }),
  ),
  requestBody: z.object({ description: z.string(), content: Content }).optional(),
  responses: z.record(
    z.string(),
    z.object({ description: z.string(), content: Content.optional() }),
  ),
});
export type OperationDoc = z.infer<typeof OperationDoc>;
export type Content = z.infer<typeof Content>;

export const ApiDocument = z.object({
  info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
  tags: z.array(z.object({ name: z.string() })),
  paths: z.record(z.string(), z.record(z.string(), OperationDoc)),
});
export type ApiDocument = z.infer<typeof ApiDocument>;
