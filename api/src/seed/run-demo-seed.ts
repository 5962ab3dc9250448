import type { Db } from '@hotline/schema/client';
import { DEMO_PASSWORD } from './demo-district.js';
import { seedDemo } from './seed-demo.js';

/** A one-line progress bar on stderr (no dependency; redrawn at most ten times a second). */
function progressBar(label: string) {
  const started = Date.now();
  let drawn = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - drawn < 100) return;
    drawn = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const elapsed = (now - started) / 1000;
    const eta = done > 0 ? (elapsed / done) * (total - done) : 0;
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${elapsed.toFixed(0)}s, ETA ${eta.toFixed(0)}s  `,
    );
    if (done === total) process.stderr.write('\n');
  };
}

/** Seeds the demo district and prints what a newcomer needs: sign-ins, volumes, time taken. Returns true on failures. */
export async function runDemoSeed(
  db: Db,
  options: { days: number; seed: number; concurrency: number; end?: Date; deferIndexes?: boolean },
): Promise<boolean> {
  const started = Date.now();
  const result = await seedDemo(db, {
    ...options,
    end: options.end ?? new Date(),
    onProgress: progressBar(`Seeding ${options.days} days of tickets`),
    onIndexing: () => process.stderr.write('Building the indexes of the ticket tables...\n'),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const out = process.stdout;
  if (result.ticketsSkipped)
    out.write('Demo tickets already present: nothing added (the seed is idempotent).\n');
  else
    out.write(
      `Seeded ${result.ticketsCreated} tickets over ${options.days} days in ${seconds}s (seed ${options.seed}).\n`,
    );
  const byRole = new Map<string, string[]>();
  for (const user of result.users) byRole.set(user.role, [...(byRole.get(user.role) ?? []), user.email]);
  out.write(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):\n`);
  for (const [role, emails] of byRole) {
    const shown =
      emails.length > 3
        ? `${emails.slice(0, 3).join(', ')} ... (${emails.length} in all)`
        : emails.join(', ');
    out.write(`  ${role.padEnd(12)} ${shown}\n`);
  }
  out.write(
    '  HANDLER emails are handler.<department code in lower case>@demo.hotline, e.g. handler.water_co@demo.hotline\n',
  );
  if (result.failures.length > 0) {
    process.stderr.write(
      `${result.failures.length} tickets failed; first ones:\n  ${result.failures.slice(0, 5).join('\n  ')}\n`,
    );
  }
  return result.failures.length > 0;
}
