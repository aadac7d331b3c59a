import { z } from 'zod';

/** ODCS data classification levels, lowest to highest sensitivity. */
export const classificationLevels = [
  'public',
  'internal',
  'confidential',
  'restricted',
] as const;
export const classificationSchema = z.enum(classificationLevels);
export type Classification = z.infer<typeof classificationSchema>;

export const qualityRuleSchema = z.object({
  /** Stable within the contract, e.g. `orders.status#q0`. */
  id: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  dimension: z.string().optional(),
  severity: z.string().optional(),
  /** The rule in a readable form, e.g. `nullValues must be 0`. */
  rule: z.string(),
});
export type QualityRule = z.infer<typeof qualityRuleSchema>;

export const columnProfileSchema = z.object({
  name: z.string(),
  businessName: z.string().optional(),
  description: z.string().optional(),
  logicalType: z.string().optional(),
  physicalType: z.string().optional(),
  primaryKey: z.boolean(),
  primaryKeyPosition: z.number().optional(),
  required: z.boolean(),
  unique: z.boolean(),
  /** Missing classification is treated as `internal` by consumers. */
  classification: classificationSchema.optional(),
  pii: z.boolean(),
  /** `email`, `phone`, ... from `pii:<type>` tags. */
  piiTypes: z.array(z.string()),
  tags: z.array(z.string()),
  examples: z.array(z.string()),
  /** Glossary links from `authoritativeDefinitions`. */
  glossary: z.array(z.string()),
  quality: z.array(qualityRuleSchema),
});
export type ColumnProfile = z.infer<typeof columnProfileSchema>;

export const tableProfileSchema = z.object({
  name: z.string(),
  physicalName: z.string().optional(),
  businessName: z.string().optional(),
  description: z.string().optional(),
  granularity: z.string().optional(),
  primaryKey: z.array(z.string()),
  tags: z.array(z.string()),
  columns: z.array(columnProfileSchema),
  quality: z.array(qualityRuleSchema),
});
export type TableProfile = z.infer<typeof tableProfileSchema>;

export const slaSchema = z.object({
  property: z.string(),
  value: z.string(),
  unit: z.string().optional(),
  element: z.string().optional(),
  driver: z.string().optional(),
});
export type Sla = z.infer<typeof slaSchema>;

export const roleSchema = z.object({
  role: z.string(),
  access: z.string().optional(),
  description: z.string().optional(),
  approvers: z.array(z.string()),
});
export type ContractRole = z.infer<typeof roleSchema>;

export const teamMemberSchema = z.object({
  username: z.string(),
  name: z.string().optional(),
  role: z.string().optional(),
});

export const supportChannelSchema = z.object({
  channel: z.string(),
  tool: z.string().optional(),
  url: z.string().optional(),
});

export const contractProfileSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  version: z.string(),
  apiVersion: z.string(),
  status: z.string(),
  domain: z.string().optional(),
  dataProduct: z.string().optional(),
  purpose: z.string().optional(),
  usage: z.string().optional(),
  limitations: z.string().optional(),
  tags: z.array(z.string()),
  tables: z.array(tableProfileSchema),
  slas: z.array(slaSchema),
  roles: z.array(roleSchema),
  team: z
    .object({
      name: z.string().optional(),
      members: z.array(teamMemberSchema),
    })
    .optional(),
  support: z.array(supportChannelSchema),
});
export type ContractProfile = z.infer<typeof contractProfileSchema>;

/** What the profile route returns for a data product entity. */
export const dataProductProfileSchema = z.object({
  entityRef: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  owner: z.string().optional(),
  domain: z.string().optional(),
  tags: z.array(z.string()),
  dependsOn: z.array(z.string()),
  dependents: z.array(z.string()),
  contracts: z.array(contractProfileSchema.extend({ source: z.string() })),
  docs: z.string().optional(),
});
export type DataProductProfile = z.infer<typeof dataProductProfileSchema>;

/** One schema or parse problem in a contract, addressed by JSON pointer. */
export const contractIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ContractIssue = z.infer<typeof contractIssueSchema>;
