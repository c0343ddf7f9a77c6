/**
 * The form rule engine, shared by the citizen's browser and the server (docs/adr/002): pure
 * TypeScript that imports only engine/* and the pure files of src/core/ja. Server pipeline for
 * submitted answers: normalizeAnswers → pruneAnswers → validateAnswers (+ computeValues).
 * Paths index group items from 0 (`children[0].birthDate`); people see items numbered from 1.
 */
export type * from './types.ts';
export { validateAnswers, isEmptyAnswer, isIsoInstant, typeName } from './validate.ts';
export { pruneAnswers, visiblePages, visibleFields, visibleItemFields, nextPageId, previousPageId, isVisible } from './visibility.ts';
export type { VisibleField } from './visibility.ts';
export { computeValues, displayAnswer, displayComputed, flattenFields, formatDate, formatInstant, formatNumber, formatYen } from './display.ts';
export type { DisplayOptions, FlatField } from './display.ts';
export { checkDefinition, FIELD_TYPES } from './definition.ts';
export { normalizeAnswers, normalizeValue, normalizeDateInput, normalizeTimeInput, normalizeKana, resolveDateBound, todayJst, toHalfWidth } from './normalize.ts';
export { fieldLabel, PREFECTURES } from './text.ts';
export { answerAt, setAnswerAt, parsePath, formatPath, isUnder } from './paths.ts';
export { ageOn, evaluate, expressionProblem, OPERATORS } from './logic.ts';
export { isEmail, isPhone, isPostalCode, codePoints } from './rules.ts';
export { engineMessage } from './messages.ts';
