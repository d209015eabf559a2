/** Why `specifier` may not be imported from `file` (paths relative to the repository), or null. */
export function refusal(file: string, specifier: string): string | null
export const layeringPlugin: object
