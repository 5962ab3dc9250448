import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';

/** A fresh database for one test file, cloned from the run's migrated template. */
export async function cloneDatabase(): Promise<string> {
  const template = new URL(inject('templateDatabaseUrl'));
  const templateName = template.pathname.slice(1);
  const name = `${templateName}_${randomBytes(4).toString('hex')}`;
  const admin = postgres({ ...connectionOf(template), database: 'postgres', max: 1, onnotice: () => {} });
  try {
    // Cloning needs the template free of connections; retry while another file clones it.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database ${name} template ${templateName}`);
        break;
      } catch (error) {
        if (attempt > 50) throw error;
        await new Promise((wake) => setTimeout(wake, 100 + Math.random() * 100));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(template);
  url.pathname = `/${name}`;
  return url.toString();
}

function connectionOf(url: URL) {
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    username: decodeURIComponent(url.username || 'postgres'),
  };
}
