// The form renderer shared by the citizen pages and the staff console (preview, counter entry).
export { FormRenderer, type FormRendererProps } from './FormRenderer.tsx';
export type { UploadedFile, PostalMatch } from './context.ts';
export { formText, fileSize } from './context.ts';
export { FormErrorSummary, checkAnswers, errorsByPath, labelOfPath, pageKeys, pageOfPath } from './validation.tsx';
export { displayValue, reviewRows, type ReviewRow } from './display.ts';
export { idFor } from './paths.ts';
