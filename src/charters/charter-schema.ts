// The canonical charter format as a zod schema: validates JSON imports and generates
// docs/charter.schema.json (npm run --silent cli -- charter schema).
import { z } from 'zod';
import { CHARTER_FORMAT, SERVICE_CATEGORIES, SERVICE_CODE_PATTERN, TIME_UNITS, type CharterDocument } from './model.ts';

const text = z.string().nullable();

const timeLimit = z
  .object({
    text,
    immediate: z.boolean(),
    min: z.number().nonnegative().nullable(),
    max: z.number().nonnegative().nullable(),
    unit: z.enum(TIME_UNITS).nullable(),
    conditional: z.boolean(),
    on_demand: z.boolean(),
  })
  .strict();

const officer = z
  .object({
    name_bn: text,
    designation_bn: text,
    phone: z.string().regex(/^\+\d{6,15}$/, 'E.164, e.g. +8801936447955').nullable(),
    mobile: z.string().regex(/^\+\d{6,15}$/, 'E.164, e.g. +8801936447955').nullable(),
    email: z.email().nullable(),
    inferred: z.boolean(),
  })
  .strict();

const service = z
  .object({
    code: z.string().regex(SERVICE_CODE_PATTERN, 's followed by a number, e.g. s12').optional(),
    category: z.enum(SERVICE_CATEGORIES),
    serial: z.number().int().positive(),
    name_bn: text,
    name_en: text,
    delivery_methods: z.array(z.string()),
    documents_bn: text,
    fee: z
      .object({
        text,
        free: z.boolean(),
        amount_bdt: z.number().nonnegative().nullable(),
        // absent in documents written before fee schedules were kept
        schedule: z.array(z.object({ amount_bdt: z.number().nonnegative(), condition_bn: text }).strict()).default([]),
      })
      .strict(),
    time_limit: timeLimit,
    officer: officer.nullable(),
    remedy_bn: text,
    source_line: z.number().int().positive().nullable(),
  })
  .strict();

export const charterDocumentSchema = z
  .object({
    format: z.literal(CHARTER_FORMAT),
    office: z
      .object({
        name_bn: text,
        name_en: text,
        parent_bn: text,
        address_bn: text,
        website: z.string().regex(/^https?:\/\/\S+$/i, 'an http(s) address').nullable(),
      })
      .strict(),
    vision_bn: text,
    mission_bn: text,
    services: z.array(service),
    grs_contacts: z.array(
      z.object({ level: z.number().int().positive(), role_bn: text, contact_bn: text, time_limit: timeLimit }).strict(),
    ),
    expectations_bn: z.array(z.string()),
    warnings: z.array(z.object({ line: z.number().int().positive().nullable(), code: z.string(), message: z.string() }).strict()),
  })
  .strict();

// keeps the schema and the TypeScript model from drifting apart
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inSync: Same<z.infer<typeof charterDocumentSchema>, CharterDocument> = true;
void inSync;

export function charterJsonSchema(): unknown {
  return {
    $id: 'https://protishruti.example/schemas/charter-v1.json',
    title: 'Protishruti canonical charter (protishruti.charter/v1)',
    ...z.toJSONSchema(charterDocumentSchema, { target: 'draft-2020-12', io: 'input' }),
  };
}
