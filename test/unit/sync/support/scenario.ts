/**
 * The sync property: 2–4 devices of one editor edit the same drafts under random faults (request lost,
 * response lost after commit, duplicate delivery, device killed mid-push, a late response arriving after
 * a pull, long offline periods), then everyone syncs. Shared by the vitest test and `npm run soak:sync`.
 */
import fc from 'fast-check';
import type { PushOutcome } from '../../../../src/core/sync/engine.ts';
import type { SyncUser } from '../../../../src/core/sync/state.ts';
import { Device, type Random } from './device.ts';
import { MemoryStore } from './memory-store.ts';

const FAULTS = ['none', 'requestLost', 'responseLost', 'duplicate', 'killed', 'delayed'] as const;
type Fault = (typeof FAULTS)[number];

export type Step =
  | { t: 'edit'; device: number; count: number; seed: number }
  | { t: 'push'; device: number; batch: number; fault: Fault }
  | { t: 'deliver'; device: number }
  | { t: 'pull'; device: number; limit: number; pages: number }
  | { t: 'offline'; device: number; count: number; seed: number };

export interface Scenario {
  devices: number;
  /** Whether another editor syncs through the same archive meanwhile (with one device). */
  other: boolean;
  /** Whether a reviewer pulls meanwhile (drafts sent to review only; a reviewer does not edit here). */
  reviewer?: boolean;
  steps: Step[];
}

const device = fc.nat(3);
const seed = fc.nat();
export const scenarioArb = (longOffline = 1_000): fc.Arbitrary<Scenario> =>
  fc.record({
    devices: fc.integer({ min: 2, max: 4 }),
    other: fc.boolean(),
    reviewer: fc.boolean(),
    steps: fc.array(
      fc.oneof(
        { weight: 12, arbitrary: fc.record({ t: fc.constant('edit' as const), device, count: fc.integer({ min: 1, max: 4 }), seed }) },
        { weight: 5, arbitrary: fc.record({ t: fc.constant('push' as const), device, batch: fc.integer({ min: 1, max: 40 }), fault: fc.constantFrom(...FAULTS) }) },
        { weight: 2, arbitrary: fc.record({ t: fc.constant('deliver' as const), device }) },
        { weight: 4, arbitrary: fc.record({ t: fc.constant('pull' as const), device, limit: fc.integer({ min: 1, max: 4 }), pages: fc.integer({ min: 1, max: 3 }) }) },
        // Mostly a day offline; now and then a week, with up to `longOffline` ops.
        { weight: 1, arbitrary: fc.record({ t: fc.constant('offline' as const), device, count: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 5, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 100, max: longOffline }) }), seed }) },
      ),
      { maxLength: 80 },
    ),
  });

/** mulberry32: a small seeded generator, so a failing case replays exactly. */
export function seeded(seedValue: number): Random {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EDITOR: SyncUser = { id: '0e0e0e0e-0000-4000-8000-000000000001', role: 'editor' };
const OTHER_EDITOR: SyncUser = { id: '0e0e0e0e-0000-4000-8000-000000000002', role: 'editor' };
const REVIEWER: SyncUser = { id: '0e0e0e0e-0000-4000-8000-000000000003', role: 'reviewer' };

export async function runScenario(scenario: Scenario): Promise<{ store: MemoryStore; devices: Device[] }> {
  const store = new MemoryStore();
  const devices = Array.from({ length: scenario.devices }, (_, i) => new Device(`d${i}d${i}d${i}d${i}-0000-4000-8000-00000000000${i}`, 'abcd'[i]!, EDITOR, store));
  if (scenario.other) devices.push(new Device('e0e0e0e0-0000-4000-8000-000000000009', 'x', OTHER_EDITOR, store));
  if (scenario.reviewer) devices.push(new Device('f0f0f0f0-0000-4000-8000-000000000009', 'r', REVIEWER, store));
  const late = devices.map((): PushOutcome[] => []);
  // The drafts start on every device: made on one, synced to all (a device that never pulled edits only its own).
  const first = devices[0]!;
  first.create('The first draft');
  first.create('The second draft');
  first.receive(await first.send(first.request(10)));
  for (const d of devices) await d.pullPage(10);
  for (const step of scenario.steps) {
    const index = step.device % devices.length;
    const d = devices[index]!;
    if (step.t === 'edit' || step.t === 'offline') {
      const random = seeded(step.seed);
      for (let i = 0; i < step.count; i += 1) d.edit(random);
    } else if (step.t === 'pull') {
      for (let page = 0; page < step.pages && (await d.pullPage(step.limit)); page += 1);
    } else if (step.t === 'deliver') {
      const outcome = late[index]!.shift();
      if (outcome) d.receive(outcome);
    } else {
      const ops = d.request(step.batch);
      if (ops.length === 0) continue;
      if (step.fault === 'requestLost') continue;
      const outcome = await d.send(ops);
      if (step.fault === 'none') d.receive(outcome);
      else if (step.fault === 'duplicate') {
        const again = await d.send(ops);
        d.receive(again);
        d.receive(outcome);
      } else if (step.fault === 'delayed') late[index]!.push(outcome);
      else if (step.fault === 'killed') d.restart();
      // responseLost: the archive committed, the device never hears of it.
    }
  }
  // The late answers arrive after all; then everyone syncs.
  devices.forEach((d, i) => late[i]!.forEach((outcome) => d.receive(outcome)));
  for (const d of devices) while (d.outbox.length > 0) d.receive(await d.send(d.request(500)));
  for (const d of devices) while (await d.pullPage(50));
  return { store, devices };
}
