/**
 * `@hotline/api/domain`: pure domain rules the console shares with the server (no database, no
 * server dependencies: it is bundled into the browser).
 */
export * from './duration.js';
export * from './ticket-machine.js';
