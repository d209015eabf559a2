import { z } from 'zod'

type WithoutDefaults<T extends z.ZodRawShape> = {
  [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K]>
}

/**
 * The schema of a change to a settings group: every field optional, and no defaults. zod 4's
 * `.partial()` keeps `.default()`, so `{ path }` would come back as `{ path, port: 8787, … }` and
 * silently reset every field the change did not name.
 */
export function changeOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>): z.ZodObject<WithoutDefaults<T>> {
  const shape: Record<string, z.ZodType> = {}
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)
    shape[key] = inner.optional()
  }
  return z.object(shape) as unknown as z.ZodObject<WithoutDefaults<T>>
}
