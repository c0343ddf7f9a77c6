// The shared rule engine (docs/adr/002): the same code validates answers in the browser and on the server.
// Web files of this module import it from here, so the long relative path is written once.
export * from '../../../../../src/modules/applications/engine/index.ts';
export type * from '../../../../../src/modules/applications/engine/types.ts';
