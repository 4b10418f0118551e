/**
 * Injected on demand (context menu, shortcut, popup) into the active tab's isolated world.
 * Built as one self-contained IIFE: no loader, no web-accessible resources.
 * It only answers the worker; it never talks to the archive and never sees the token.
 */
import { installPageApi } from './page-api.ts';

installPageApi();
