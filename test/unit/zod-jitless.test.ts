// zod-jitless.ts configures zod without importing it (so pages need not load zod before their first
// paint); this holds only while zod reads its settings from that global when it loads.
import { expect, it } from 'vitest';

it('turns zod to jitless mode when imported before zod', async () => {
  await import('../../src/core/zod-jitless.ts');
  const { z } = await import('zod');
  expect(z.config().jitless).toBe(true);
  // And zod still parses (the slower, eval-free way).
  expect(z.strictObject({ a: z.number() }).safeParse({ a: 1 }).success).toBe(true);
});
