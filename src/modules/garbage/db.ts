// Moved to the core (opendata needs the same helpers); kept as a re-export so garbage's imports stay short.
export { textArray, uuidArray, intArray, jsonb, isDbError } from '../../core/db/params.ts';
