/**
 * Reads `key="value"` pairs from a fenced code block's info string after the
 * language, e.g. ```` ```ini title="deploy.ini" nocheck="old example" ````.
 * Bare words become `true`. Unknown keys are the caller's business.
 */
export function parseCodeMeta(meta: string | null | undefined): Record<string, string | true> {
  const result: Record<string, string | true> = {};
  if (!meta) return result;
  const pattern = /([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g;
  for (const match of meta.matchAll(pattern)) {
    const key = match[1] as string;
    result[key] = match[2] ?? match[3] ?? match[4] ?? true;
  }
  return result;
}
