/**
 * Imported first by every extension page and by the worker, before any schema is built. zod's object
 * parsers otherwise probe `new Function` once, which the extension's CSP blocks and reports as an error
 * on every page (harmless, but it hides real errors).
 */
import { z } from 'zod';

z.config({ jitless: true });
