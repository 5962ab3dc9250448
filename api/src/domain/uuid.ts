const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id can be a row id: anything else is unknown without asking PostgreSQL (it would refuse the cast). */
export const isUuid = (id: string) => UUID.test(id);
