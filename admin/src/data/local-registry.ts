type Kind = 'users' | 'api-clients';

const keyOf = (kind: Kind) => `hotline.created.${kind}`;

/** Remembers records (never keys or passwords) created from this browser, newest first. */
export function rememberCreated<T extends { id: string }>(kind: Kind, record: T): void {
  const others = recallCreated<T>(kind).filter((existing) => existing.id !== record.id);
  localStorage.setItem(keyOf(kind), JSON.stringify([record, ...others].slice(0, 200)));
}

export function recallCreated<T>(kind: Kind): T[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keyOf(kind)) ?? '[]');
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
}
